namespace NetworkingBot.Core.Pairing;

/// <summary>A member's profile normalised once per round, so pair scoring is cheap.</summary>
internal sealed record MemberTraits(
    int Index,
    PairingMember Member,
    string[] Interests,
    int WakeStartUtc,
    string? Region,
    ulong Noise)
{
    public string Id => Member.UserId;

    public string Name => string.IsNullOrWhiteSpace(Member.DisplayName) ? Member.UserId : Member.DisplayName.Trim();

    public PairingProfile Profile => Member.Profile;

    public static MemberTraits Create(int index, PairingMember member, DateTimeOffset roundTime, ulong noise)
    {
        var profile = member.Profile;
        var interests = (profile.Interests ?? [])
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => t.Trim().ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var region = string.IsNullOrWhiteSpace(profile.Region) ? null : profile.Region.Trim();
        return new MemberTraits(index, member, interests, WakingHours.StartUtcMinute(profile.TimeZone, roundTime), region, noise);
    }

    /// <summary>Wants to meet in person: in-person, or either (a pair still needs one in-person member).</summary>
    public bool OpenToInPerson => Profile.Format is PairingFormat.InPerson or PairingFormat.Either;

    /// <summary>Someone a mentor-seeker could learn from, who is not looking for a mentor themselves.</summary>
    public bool MentorMinded =>
        Profile.LookingFor == PairingLookingFor.Mentee
        || (Profile.Stage is PairingStage.MidCareer or PairingStage.Senior or PairingStage.Retired && Profile.LookingFor != PairingLookingFor.Mentor);

    /// <summary>Someone early enough in their career to enjoy a mentor, unless they asked for a mentee.</summary>
    public bool MenteeMinded =>
        Profile.LookingFor == PairingLookingFor.Mentor
        || (Profile.Stage is PairingStage.Student or PairingStage.EarlyCareer && Profile.LookingFor != PairingLookingFor.Mentee);
}
