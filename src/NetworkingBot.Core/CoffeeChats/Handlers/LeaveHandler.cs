using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.CoffeeChats.Handlers;

/// <summary>/coffee leave: stop taking part. The history stays (so a returning member isn't re-paired with old partners).</summary>
public sealed class LeaveHandler(IMemberStore members) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("coffee", "leave", "stop taking part in coffee chats", []);

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var member = await MemberGuard.ActiveAsync(members, context, cancellationToken).ConfigureAwait(false);
        if (member is null)
        {
            return CommandResult.Fail(MemberGuard.NotEnrolled);
        }

        await members.UpsertAsync(member with { Status = MemberStatus.Left, PausedUntil = null, SkipNext = false }, cancellationToken).ConfigureAwait(false);
        return CommandResult.Ok("You've left coffee chats; I won't pair you or message you about them. `/coffee join` brings you back any time. To delete everything I store about you, use `/networking forget-me`.");
    }
}
