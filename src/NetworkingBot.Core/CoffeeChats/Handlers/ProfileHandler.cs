using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.CoffeeChats.Handlers;

/// <summary>/coffee profile: show my profile.</summary>
public sealed class ProfileHandler(IMemberStore members) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("coffee", "profile", "show your coffee-chat profile", []);

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var member = await MemberGuard.ActiveAsync(members, context, cancellationToken).ConfigureAwait(false);
        return member is null
            ? CommandResult.Fail(MemberGuard.NotEnrolled)
            : CommandResult.Ok($"Your coffee-chat profile: {ProfileText.Describe(member.Profile)}.\nChange anything with `/coffee edit`, e.g. `/coffee edit interests:archives,reference`.");
    }
}
