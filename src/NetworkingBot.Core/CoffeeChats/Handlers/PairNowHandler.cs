using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.CoffeeChats.Handlers;

/// <summary>/coffee pair-now: run a round immediately, outside the schedule.</summary>
public sealed class PairNowHandler(RoundService rounds) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("coffee", "pair-now", "run a round right now (announcement and intros go out)", [], OrganizerOnly: true);

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var outcome = await rounds.RunNowAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            RoundOutcome.Ran { Round: var r } => CommandResult.Ok(
                $"Round {r.Number} is out: {r.Groups.Count} group{(r.Groups.Count == 1 ? "" : "s")}, {r.Groups.Sum(g => g.Members.Count)} members paired{(r.Unmatched.Count > 0 ? $", {r.Unmatched.Count} could not be paired" : "")}. Intros are in everyone's DMs."),
            RoundOutcome.NotConfigured => CommandResult.Fail(OrganizerTexts.NoProgram),
            _ => CommandResult.Fail("round_busy", "A round is already being run right now. Give it a moment and check `/coffee stats`."),
        };
    }
}
