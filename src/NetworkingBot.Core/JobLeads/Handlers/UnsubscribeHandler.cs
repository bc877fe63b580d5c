using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.JobLeads.Handlers;

/// <summary>/job unsubscribe: stop getting leads.</summary>
public sealed class UnsubscribeHandler(IJobLeadStore store) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("job", "unsubscribe", "stop getting job leads by DM", []);

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken) =>
        await store.DeleteSubscriptionAsync(context.CommunityId, context.Actor.Id, cancellationToken).ConfigureAwait(false)
            ? CommandResult.Ok("Done: you won't get job leads by DM any more. `/job list` still shows the open ones.")
            : CommandResult.Fail("not_subscribed", "You weren't subscribed to job leads, so nothing changed. `/job subscribe` starts.");
}
