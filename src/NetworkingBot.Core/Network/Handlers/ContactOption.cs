using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Network.Handlers;

/// <summary>Finds the contact a command names in the actor's own log (show, note, spoke, remove, nudges about one).</summary>
public sealed class ContactOption(INetworkStore store)
{
    /// <summary>The actor's entry about the member in <c>member:</c>, or why there is none.</summary>
    public async Task<(NetworkContact? Contact, UserError? Error)> ReadAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var id = MemberOption.IdOf(request, "member");
        if (id is null)
        {
            return (null, new UserError("member_missing", "Please name a member: `member:@name`."));
        }

        if (request.User("member")?.IsBot == true)
        {
            return (null, new UserError("member_is_bot", "That is a bot account; bots are never in a network log. Nothing changed."));
        }

        if (id == context.Actor.Id)
        {
            return (null, new UserError("member_is_self", "That is you; your log holds the people you met. Nothing changed."));
        }

        var contact = await store.GetContactAsync(context.CommunityId, context.Actor.Id, id, cancellationToken).ConfigureAwait(false);
        return contact is null ? (null, NetworkTexts.NotInLog(id)) : (contact, null);
    }
}
