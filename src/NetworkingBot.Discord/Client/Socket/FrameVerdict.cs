using NetworkingBot.Discord.Interactions;

namespace NetworkingBot.Discord.Client.Socket;

/// <summary>What the guarded socket does with one received frame (see <see cref="GatewayFrameCheck"/>).</summary>
internal enum FrameAction
{
    /// <summary>Hand <see cref="FrameVerdict.Text"/> to Discord.Net: the frame itself, or a neutral stand-in.</summary>
    Forward,

    /// <summary>Not a gateway payload at all: nothing reaches Discord.Net.</summary>
    Drop,

    /// <summary>A frame the connection cannot go on without (a HELLO with no interval): close it and connect afresh.</summary>
    Reset,
}

/// <summary>
/// The check's outcome. <see cref="Problem"/> says, without the frame's content, what was wrong (null when nothing
/// was); <see cref="Unreadable"/> is an interaction the guard answers itself because Discord.Net never sees it, and
/// <see cref="Read"/> the strict reading of one Discord.Net is given.
/// </summary>
internal sealed record FrameVerdict(FrameAction Action, string Text, string? Problem = null, UnreadableInteraction? Unreadable = null)
{
    public DiscordInteraction? Read { get; init; }

    public static FrameVerdict Forward(string text) => new(FrameAction.Forward, text);

    public static FrameVerdict Drop(string problem) => new(FrameAction.Drop, "", problem);

    public static FrameVerdict Reset(string problem) => new(FrameAction.Reset, "", problem);
}

/// <summary>An interaction that could not be read but says where to answer: its id, token, and whether it is an autocomplete.</summary>
internal sealed record UnreadableInteraction(string Id, string Token, bool Autocomplete, string Reason);
