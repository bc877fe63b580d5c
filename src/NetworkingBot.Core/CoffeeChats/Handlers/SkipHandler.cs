using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.CoffeeChats.Handlers;

/// <summary>/coffee skip: miss the next round only.</summary>
public sealed class SkipHandler(IMemberStore members) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("coffee", "skip", "skip the next round only", []);

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var member = await MemberGuard.ActiveAsync(members, context, cancellationToken).ConfigureAwait(false);
        if (member is null)
        {
            return CommandResult.Fail(MemberGuard.NotEnrolled);
        }

        if (member.SkipNext)
        {
            return CommandResult.Ok("You're already skipping the next round. `/coffee resume` undoes it.");
        }

        await members.UpsertAsync(member with { SkipNext = true }, cancellationToken).ConfigureAwait(false);
        return CommandResult.Ok("Okay, you'll sit out the next round and be back for the one after. `/coffee resume` undoes it.");
    }
}
