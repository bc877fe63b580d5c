namespace NetworkingBot.Discord.Delivery;

/// <summary>
/// Cuts text into parts Discord accepts (content ≤ 2000 characters). It cuts at line breaks where it can, then
/// at spaces, and never inside a mention or other &lt;…&gt; token, so "&lt;@123&gt;" is never broken in two.
/// </summary>
internal static class MessageSplitter
{
    public const int MaxLength = 2000;

    public static IReadOnlyList<string> Split(string text, int maxLength = MaxLength)
    {
        var parts = new List<string>();
        var rest = text.TrimEnd();
        while (rest.Length > maxLength)
        {
            var cut = FindCut(rest, maxLength);
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart('\n', '\r', ' ');
        }

        if (rest.Length > 0 || parts.Count == 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    private static int FindCut(string text, int maxLength)
    {
        // Prefer the last line break that keeps the part within the limit; the cut goes after it.
        var newline = text.LastIndexOf('\n', maxLength - 1);
        if (newline > 0)
        {
            return newline + 1;
        }

        var space = text.LastIndexOf(' ', maxLength - 1);
        var cut = space > 0 ? space + 1 : maxLength;

        // A hard cut must not land inside a <…> token (mentions, channels, emoji, timestamps).
        var open = text.LastIndexOf('<', cut - 1);
        if (open > 0 && text.LastIndexOf('>', cut - 1) < open)
        {
            cut = open;
        }

        return cut;
    }
}
