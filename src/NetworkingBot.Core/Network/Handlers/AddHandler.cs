using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Text;

namespace NetworkingBot.Core.Network.Handlers;

/// <summary>/network add: a contact made outside the bot; both people must be members of this community.</summary>
public sealed class AddHandler(INetworkStore store, INetworkDirectory directory, MemberOption members, NetworkLog log, TimeProvider time) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("network", "add", "add a contact you made outside the bot",
    [
        new("member", "the member", Required: true, Kind: OptionKind.User),
        new("how", $"how you met, up to {NetworkLimits.HowLength} characters", Required: true),
    ], Example: "/network add member:@sam how:\"state conference 2026\"");

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var (how, howError) = MemberText.Read("how", request.Option("how"), NetworkLimits.HowLength);
        if (howError is not null)
        {
            return CommandResult.Fail(howError);
        }

        if (how is null)
        {
            return CommandResult.Fail("how_missing", "Say how you met: `how:\"state conference 2026\"`. Nothing changed.");
        }

        if (await directory.FindAsync(context.CommunityId, context.Actor.Id, cancellationToken).ConfigureAwait(false) is null)
        {
            return CommandResult.Fail("not_opted_in", "Your network log starts when you join a program here (`/coffee join`, for one). Nothing changed.");
        }

        var (person, error) = await members.ReadAsync(context, request, "member", cancellationToken).ConfigureAwait(false);
        if (person is null)
        {
            return CommandResult.Fail(error!);
        }

        if (await store.GetContactAsync(context.CommunityId, context.Actor.Id, person.UserId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return CommandResult.Fail("already_in_log", $"{person.DisplayName} is already in your log: `/network show member:@{person.UserId}`. Nothing changed.");
        }

        await log.RecordAsync(context.CommunityId, context.Actor.Id, person.UserId, $"added by hand: {how}", time.GetUtcNow(), planned: false, cancellationToken).ConfigureAwait(false);
        return CommandResult.Ok($"Added {person.DisplayName} to your network log (added by hand: {how}).");
    }
}
