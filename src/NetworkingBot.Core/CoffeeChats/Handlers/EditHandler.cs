using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Text;

namespace NetworkingBot.Core.CoffeeChats.Handlers;

/// <summary>/coffee edit: change some profile fields; the rest stay as they are.</summary>
public sealed class EditHandler(IMemberStore members) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("coffee", "edit", "change your profile (only the options you give)", ProfileInput.Options,
        Example: "/coffee edit interests:archives,reference format:either")
    {
        Form = EditForm.Spec,
    };

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var member = await MemberGuard.ActiveAsync(members, context, cancellationToken).ConfigureAwait(false);
        if (member is null)
        {
            return CommandResult.Fail(MemberGuard.NotEnrolled);
        }

        if (!ProfileInput.AnyGiven(request))
        {
            return CommandResult.Fail(OptionValidator.Usage(Spec, "nothing_to_edit", "Tell me what to change."));
        }

        var (profile, error) = ProfileInput.Apply(member.Profile, request);
        if (error is not null)
        {
            return CommandResult.Fail(error);
        }

        await members.UpsertAsync(member with { Profile = profile!, DisplayName = MemberText.Clean(context.Actor.DisplayName) }, cancellationToken).ConfigureAwait(false);
        return CommandResult.Ok($"Saved. Your profile now: {ProfileText.Describe(profile!)}.");
    }
}
