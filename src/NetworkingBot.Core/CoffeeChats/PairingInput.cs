using NetworkingBot.Core.Pairing;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>
/// A coffee-chat member as the pairing engine takes them. The engine keeps its own input types so it depends on no
/// program; this is the one place their profile becomes that input, value by value, so a new profile choice fails
/// here (and in its test) instead of being read as something else.
/// </summary>
public static class PairingInput
{
    public static PairingMember Of(Member member) =>
        new(member.UserId, member.DisplayName, Of(member.Profile));

    public static PairingProfile Of(MemberProfile profile) =>
        new(profile.Interests, profile.TimeZone, Of(profile.Stage), Of(profile.LookingFor), Of(profile.Format), profile.Region);

    public static PairingStage Of(CareerStage stage) => stage switch
    {
        CareerStage.Unspecified => PairingStage.Unspecified,
        CareerStage.Student => PairingStage.Student,
        CareerStage.EarlyCareer => PairingStage.EarlyCareer,
        CareerStage.MidCareer => PairingStage.MidCareer,
        CareerStage.Senior => PairingStage.Senior,
        CareerStage.Retired => PairingStage.Retired,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "No pairing stage for this career stage."),
    };

    public static PairingLookingFor Of(LookingFor lookingFor) => lookingFor switch
    {
        LookingFor.Any => PairingLookingFor.Any,
        LookingFor.Peer => PairingLookingFor.Peer,
        LookingFor.Mentor => PairingLookingFor.Mentor,
        LookingFor.Mentee => PairingLookingFor.Mentee,
        _ => throw new ArgumentOutOfRangeException(nameof(lookingFor), lookingFor, "No pairing wish for this choice."),
    };

    public static PairingFormat Of(MeetingFormat format) => format switch
    {
        MeetingFormat.Virtual => PairingFormat.Virtual,
        MeetingFormat.InPerson => PairingFormat.InPerson,
        MeetingFormat.Either => PairingFormat.Either,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "No pairing format for this choice."),
    };
}
