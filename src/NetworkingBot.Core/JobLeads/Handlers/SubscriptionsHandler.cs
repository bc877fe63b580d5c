using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.JobLeads.Handlers;

/// <summary>/job subscriptions: what the member follows.</summary>
public sealed class SubscriptionsHandler(IJobLeadStore store) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("job", "subscriptions", "see which job leads you get", []);

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var subscription = await store.GetSubscriptionAsync(context.CommunityId, context.Actor.Id, cancellationToken).ConfigureAwait(false);
        return subscription is null
            ? CommandResult.Ok("You don't follow any job leads. `/job subscribe tags:… location:… delivery:instant|daily` starts.")
            : CommandResult.Ok($"You get {SubscriptionInput.Describe(subscription)}. Change it with `/job subscribe`, stop it with `/job unsubscribe`.");
    }
}
