namespace NetworkingBot.Slack.Rendering;

/// <summary>Slack's published limits the renderer keeps to, and the budgets chosen under them.</summary>
internal static class SlackLimits
{
    /// <summary>A section block's text.</summary>
    public const int SectionText = 3000;

    /// <summary>Blocks in one message.</summary>
    public const int MessageBlocks = 50;

    /// <summary>Blocks in a modal view.</summary>
    public const int ViewBlocks = 100;

    /// <summary>
    /// Block text in one message. Slack accepts more (it truncates <c>text</c> at 40,000), but a longer message is a
    /// wall nobody reads, and this keeps every part of a split answer a comfortable size.
    /// </summary>
    public const int MessageText = 12_000;

    /// <summary>A job card's block text: a card is a notice in a busy channel, not a document.</summary>
    public const int CardText = 3000;

    /// <summary>
    /// The largest ack frame sent. Slack's Socket Mode server closes the socket (1009) on a frame over 20 KiB and then
    /// resends the envelope, so a larger answer is acked empty and sent after.
    /// </summary>
    public const int AckBytes = 16 * 1024;

    /// <summary>How many times one response_url may be posted to.</summary>
    public const int ResponseUrlPosts = 5;
}
