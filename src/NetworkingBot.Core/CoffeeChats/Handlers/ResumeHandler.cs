using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.CoffeeChats.Handlers;

/// <summary>/coffee resume: end a pause or a pending skip now.</summary>
public sealed class ResumeHandler(IMemberStore members, TimeProvider time) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("coffee", "resume", "end a pause (or a skip) and be paired again from the next round", []);

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var member = await MemberGuard.ActiveAsync(members, context, cancellationToken).ConfigureAwait(false);
        if (member is null)
        {
            return CommandResult.Fail(MemberGuard.NotEnrolled);
        }

        if (!member.IsPausedAt(time.GetUtcNow()) && !member.SkipNext)
        {
            return CommandResult.Ok("You're not paused, so there's nothing to resume: you'll be in the next round.");
        }

        await members.UpsertAsync(member with { PausedUntil = null, SkipNext = false, IgnoredCheckIns = 0 }, cancellationToken).ConfigureAwait(false);
        return CommandResult.Ok("Welcome back! You'll be paired from the next round.");
    }
}
