using NetworkingBot.Core.Commands.Forms;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>
/// The profile form a bare <c>/coffee edit</c> opens on Discord and Slack (and the App Home's "Edit profile"): the join
/// form's fields, none required, since edit changes only what is given and a blank field keeps its value. The time
/// zone is not filled in from the platform here: a saved form would otherwise move a member's chosen zone silently.
/// </summary>
internal static class EditForm
{
    public static FormSpec Spec { get; } = new("Edit your profile", "Save",
        [.. JoinForm.Spec.Fields.Select(f => f with { Required = false, Default = FieldDefault.None })],
        "I couldn't open the profile form just now. Type what to change instead, for example `/coffee edit interests:archives,reference format:either`.");
}
