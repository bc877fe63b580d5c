namespace NetworkingBot.Core.Commands.Text;

/// <summary>
/// The opening of a member's free text, for messages where the whole text is not needed (a channel card, an intro
/// that repeats what the reader already saw). Text within the bounds comes back unchanged; longer text is cut at a
/// word boundary where one is near and ends with "…", so the reader sees at once that there is more.
/// </summary>
public static class Excerpt
{
    private const string Ellipsis = "…";

    /// <summary>
    /// At most <paramref name="maxChars"/> characters (the "…" included) on at most <paramref name="maxLines"/> lines.
    /// Cutting only removes characters from already cleaned text, so it cannot form a mention or a masked link.
    /// </summary>
    public static string Of(string text, int maxChars, int maxLines)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        var end = LineLimit(text, maxLines);
        if (end == text.Length && text.Length <= maxChars)
        {
            return text;
        }

        end = Math.Min(end, maxChars - Ellipsis.Length);
        // A word boundary in the last fifth reads better than a cut word; further back it would throw away too much.
        var space = text.LastIndexOfAny([' ', '\n'], end);
        var cut = space >= end - Math.Max(1, end / 5) && space > 0 ? space : end;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + Ellipsis;
    }

    // Where the text would end after maxLines lines (the index of the break that starts line maxLines + 1).
    private static int LineLimit(string text, int maxLines)
    {
        var index = -1;
        for (var line = 0; line < maxLines; line++)
        {
            index = text.IndexOf('\n', index + 1);
            if (index < 0)
            {
                return text.Length;
            }
        }

        return index;
    }
}
