namespace NetworkingBot.Discord.Interactions;

/// <summary>Splits text into pieces of at most <c>max</c> characters, at line breaks where possible.</summary>
public static class TextChunks
{
    public const int MessageLimit = 2000;

    public static IReadOnlyList<string> Split(string text, int max = MessageLimit)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chunks = new List<string>();
        var rest = text;
        while (rest.Length > max)
        {
            var cut = rest.LastIndexOf('\n', max - 1);
            if (cut <= 0)
            {
                // No line break: cut at a space, never inside a word (or a <@mention>).
                cut = rest.LastIndexOf(' ', max - 1);
            }

            if (cut <= 0)
            {
                cut = max;
            }

            chunks.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart('\n', ' ');
        }

        if (rest.Length > 0 || chunks.Count == 0)
        {
            chunks.Add(rest);
        }

        return chunks;
    }
}
