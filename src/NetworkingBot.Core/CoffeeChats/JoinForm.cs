using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Forms;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>The profile form a bare <c>/coffee join</c> opens on Discord and Slack.</summary>
internal static class JoinForm
{
    /// <summary>The longest IANA zone name is 32 characters (America/Argentina/ComodRivadavia); 64 leaves room.</summary>
    public const int MaxTimeZone = 64;

    // Interests and time zone are required here though the typed command defaults them: an empty form must not join with defaults.
    public static FormSpec Spec { get; } = new("Join coffee chats", "Join",
    [
        new("interests", "Interests or specialties", Required: true, MaxLength: OptionParsers.MaxTagList, Placeholder: "archives, metadata, reference")
        {
            ErrorCodes = ["bad_tag", "too_many_tags"],
        },
        new("tz", "Time zone", Required: true, MaxLength: MaxTimeZone, Placeholder: "America/Chicago")
        {
            Default = FieldDefault.MemberTimeZone,
            ErrorCodes = ["bad_timezone"],
        },
        new("stage", "Career stage", FieldKind.Choice, Choices: ProfileText.Stages),
        new("looking", "Who you'd like to meet", FieldKind.Choice, Choices: ProfileText.Lookings),
        new("format", "How you'd like to meet", FieldKind.Choice, Choices: ProfileText.Formats),
        new("cadence", "How often", FieldKind.Choice, Choices: ProfileText.Cadences),
        new("region", "City or area (for in-person chats)", MaxLength: OptionParsers.MaxRegionLength, Placeholder: "Kansas City")
        {
            ErrorCodes = ["region_too_long"],
        },
    ],
    "I couldn't open the join form just now. You can join by typing your profile instead, for example `/coffee join interests:archives,metadata tz:America/Chicago`.")
    {
        RefusesMissingFields = true,
    };
}
