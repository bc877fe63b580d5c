using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.JobLeads.Handlers;

/// <summary>
/// /job share: a member shares a lead. No option is marked required in the spec, because Discord and Slack
/// collect the long fields in a form; the validator names each missing or bad field instead.
/// </summary>
public sealed class ShareHandler(JobLeadSharing sharing) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("job", "share", "share a job lead you've heard of",
    [
        new("title", "the position's title"),
        new("employer", "the employer or institution"),
        new("type", "kind of position", Choices: JobTypes.Names),
        new("location", "city or area (or use remote:yes)"),
        new("remote", "can it be done remotely?", Choices: ["yes", "no"]),
        new("link", "the public posting, an https:// address"),
        new("deadline", "last day to apply, YYYY-MM-DD (your time zone)", Kind: OptionKind.Date),
        new("tags", "a few tags, like cataloging,metadata", Kind: OptionKind.Tags),
        new("salary", "pay or range, if known"),
        new("note", "what you know that the posting doesn't say"),
        new("anonymous", "post without your name", Choices: ["yes", "no"]),
        new("unposted", "a heads-up: not yet publicly posted", Choices: ["yes", "no"]),
    ], Example: "/job share title:\"Metadata Librarian\" employer:\"Lawrence Public Library\" type:full-time location:Lawrence link:https://example.org/jobs/42 tags:metadata")
    {
        Form = ShareForm.Spec,
    };

    public Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken) =>
        sharing.ShareAsync(context, request, cancellationToken);
}
