namespace NetworkingBot.Core.Commands;

/// <summary>
/// A file that goes with a private reply (an export, a chart). Discord attaches it to the ephemeral reply, Slack
/// shares it in the member's DM with the bot, and the shell writes it next to its database and prints the path.
/// </summary>
public sealed record ReplyFile(string Name, string ContentType, ReadOnlyMemory<byte> Content, string? Title = null)
{
    /// <summary>What an image shows, for screen readers (a chart's text summary); platforms that take alt text send it.</summary>
    public string? AltText { get; init; }

    /// <summary>
    /// What a platform shows as the file's description, up to <paramref name="limit"/> characters: the alt text when
    /// there is one (a screen reader reads it), else the title. Discord's attachment description is its alt text.
    /// </summary>
    public string? Description(int limit) =>
        (AltText ?? Title) is { } text ? (text.Length <= limit ? text : text[..(limit - 1)] + "…") : null;
}
