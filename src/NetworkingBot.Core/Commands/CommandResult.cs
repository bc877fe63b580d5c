namespace NetworkingBot.Core.Commands;

/// <summary>
/// A button on a reply or a DM. <see cref="Command"/> is the command line that pressing it runs as the
/// person who pressed it, so every adapter handles a click exactly like a typed command.
/// </summary>
public sealed record ButtonSpec(string Label, string Command, ButtonStyle Style = ButtonStyle.Secondary);

public enum ButtonStyle
{
    Primary,
    Secondary,
    Success,
    Danger,
}

/// <summary>A handler's answer: either a reply for the actor or a polite, typed user error.</summary>
public abstract record CommandResult
{
    public static CommandResult Ok(string text, params ButtonSpec[] buttons) => new Reply(text, buttons);

    public static CommandResult Fail(UserError error) => new Failure(error);

    /// <summary>A help answer: its topic as data for adapters that render help their own way, and the default text.</summary>
    public static CommandResult Explain(HelpTopic topic) => new Reply(HelpText.Render(topic), []) { Help = topic };

    public static CommandResult Fail(string code, string message) => new Failure(new UserError(code, message));

    /// <summary>The polite answer to a fault on our side (a bug or an infrastructure failure), never to bad input.</summary>
    public static CommandResult Apology { get; } = Fail("internal_error", "Sorry, something went wrong on my side. Please try again in a minute (anything half-done is finished or undone automatically); if it keeps happening, tell an organiser.");

    /// <summary>The text a person reads, whichever kind this is.</summary>
    public abstract string Text { get; }
}

/// <summary>A private reply to the actor (ephemeral on Discord and Slack, printed by the shell).</summary>
public sealed record Reply(string Body, IReadOnlyList<ButtonSpec> Buttons) : CommandResult
{
    /// <summary>Set on help answers: what <see cref="Body"/> says, as data.</summary>
    public HelpTopic? Help { get; init; }

    /// <summary>Files that go with the reply (an export as CSV); <see cref="Body"/> still says what they are.</summary>
    public IReadOnlyList<ReplyFile> Files { get; init; } = [];

    public override string Text => Body;
}

/// <summary>An expected failure, answered politely; nothing was changed.</summary>
public sealed record Failure(UserError Error) : CommandResult
{
    public override string Text => Error.Message;
}

/// <summary>A user-facing error with a stable code (for tests and logs) and a message saying what to do next.</summary>
public sealed record UserError(string Code, string Message);
