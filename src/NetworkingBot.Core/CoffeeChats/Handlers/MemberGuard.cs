using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.CoffeeChats.Handlers;

/// <summary>Finds the actor's active membership, or the polite answer for someone who hasn't joined.</summary>
internal static class MemberGuard
{
    public static readonly UserError NotEnrolled = new("not_enrolled", "You haven't joined coffee chats yet. Type `/coffee join` to take part (`/coffee help` explains the options).");

    public static async Task<Member?> ActiveAsync(IMemberStore members, CommandContext context, CancellationToken cancellationToken)
    {
        var member = await members.GetAsync(context.CommunityId, context.Actor.Id, cancellationToken).ConfigureAwait(false);
        return member is { Status: MemberStatus.Active } ? member : null;
    }
}
