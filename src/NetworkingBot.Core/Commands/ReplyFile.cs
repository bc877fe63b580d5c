namespace NetworkingBot.Core.Commands;

/// <summary>
/// A file that goes with a private reply (an export, a chart). Discord attaches it to the ephemeral reply, Slack
/// shares it in the member's DM with the bot, and the shell writes it next to its database and prints the path.
/// </summary>
public sealed record ReplyFile(string Name, string ContentType, ReadOnlyMemory<byte> Content, string? Title = null)
{
    /// <summary>What an image shows, for screen readers (a chart's text summary); platforms that take alt text send it.</summary>
    public string? AltText { get; init; }
}
