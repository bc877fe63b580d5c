using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Network.Handlers;

/// <summary>/network remove: takes a contact out of my log only (with my notes and nudges about them); theirs is untouched.</summary>
public sealed class RemoveHandler(INetworkStore store, ContactOption contacts) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("network", "remove", "remove a contact from your log (theirs is untouched)",
    [
        new("member", "the member", Required: true, Kind: OptionKind.User),
    ], Example: "/network remove member:@sam");

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var (contact, error) = await contacts.ReadAsync(context, request, cancellationToken).ConfigureAwait(false);
        if (contact is null)
        {
            return CommandResult.Fail(error!);
        }

        await store.RemoveContactAsync(context.CommunityId, context.Actor.Id, contact.OtherId, cancellationToken).ConfigureAwait(false);
        return CommandResult.Ok($"Removed @{contact.OtherId} and your notes about them from your log. Their log is unchanged.");
    }
}
