using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Privacy;

/// <summary>/networking forget-me: delete everything about the member, after an explicit confirmation.</summary>
public sealed class ForgetMeHandler(IEnumerable<IPersonalDataSource> sources) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("networking", "forget-me", "delete everything I store about you (asks first)",
    [
        new("confirm", "yes, to really delete", Choices: ["yes"]),
    ]);

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        if (request.Option("confirm") is null)
        {
            return CommandResult.Ok(
                "This deletes your profile, your rounds and your check-in answers in this community, for good. Your past partners keep their own records, without you. Are you sure?",
                new ButtonSpec("Yes, delete everything", "/networking forget-me confirm:yes", ButtonStyle.Danger));
        }

        var removed = 0;
        foreach (var source in sources)
        {
            removed += await source.ForgetAsync(context.CommunityId, context.Actor.Id, cancellationToken).ConfigureAwait(false);
        }

        return CommandResult.Ok(removed == 0
            ? "I had nothing stored about you here, so there was nothing to delete."
            : "Done: everything I stored about you in this community is deleted. If you ever want to come back, `/coffee join` starts fresh.");
    }
}
