using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.JobLeads.Handlers;

/// <summary>
/// /job show: one lead in full. Cards and DMs quote a long note only in part so they stay one readable message;
/// this answer (private to the member who asks) is where the whole note is read.
/// </summary>
public sealed class ShowHandler(IJobLeadStore store, MemberZones zones) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("job", "show", "one job lead in full, its whole note included",
    [
        new("lead", "the lead's number, as in #12", Required: true, Kind: OptionKind.Number),
    ], Example: "/job show lead:12");

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var raw = request.Option("lead")!;
        var (number, error) = OptionParsers.Number("lead", raw.Trim().TrimStart('#'), 1, int.MaxValue);
        if (error is not null)
        {
            return CommandResult.Fail(error with { Message = $"`lead` must be a lead's number, like `12` (`/job list` shows them), not `{OptionParsers.Clip(raw)}`." });
        }

        var lead = await store.GetLeadAsync(context.CommunityId, number!.Value, cancellationToken).ConfigureAwait(false);
        if (lead is null)
        {
            return CommandResult.Fail("no_lead", $"There is no lead #{number} here. `/job list` shows the open ones with their numbers.");
        }

        // A closed lead's date is the day it closed where the reader lives.
        var zone = await zones.OfAsync(context.CommunityId, context.Actor.Id, cancellationToken).ConfigureAwait(false);
        return CommandResult.Ok(JobTexts.Details(lead, zone));
    }
}
