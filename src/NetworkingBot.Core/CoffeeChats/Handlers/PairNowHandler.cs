using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.CoffeeChats.Handlers;

/// <summary>/coffee pair-now: run a round immediately, outside the schedule.</summary>
public sealed class PairNowHandler(RoundService rounds) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("coffee", "pair-now", "run a round right now (announcement and intros go out)", [], OrganiserOnly: true);

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var outcome = await rounds.RunNowAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            RoundOutcome.Ran { Round: var r } => CommandResult.Ok(
                $"Round {r.Number} is out: {CoffeeTexts.Count(r.Groups.Count, "group")}, {CoffeeTexts.Count(r.Groups.Sum(g => g.Members.Count), "member")} paired{(r.Unmatched.Count > 0 ? $", {r.Unmatched.Count} could not be paired" : "")}. Intros are in everyone's DMs."),
            RoundOutcome.Retrying { Round: var r, NextAttempt: var next } => CommandResult.Ok(
                $"Round {r.Number} has started, but not everything could go out yet (the bot's storage or the chat platform did not answer). "
                + (next is null ? "The bot tries again within five minutes" : "I'll keep trying for the next few minutes")
                + ": nobody gets an intro twice, and you don't need to run pair-now again."),
            RoundOutcome.NotConfigured => CommandResult.Fail(OrganiserTexts.NoProgram),
            RoundOutcome.NobodyDue => CommandResult.Fail("nobody_available", "Nobody can be paired right now: no member is in coffee chats and free (everyone has left, is paused or is skipping). Nothing was sent and no round was started."),
            _ => CommandResult.Fail("round_busy", "A round is already being run right now. Give it a moment and check `/coffee stats`."),
        };
    }
}
