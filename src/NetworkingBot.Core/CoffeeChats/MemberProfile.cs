using NetworkingBot.Core.Scheduling;

namespace NetworkingBot.Core.CoffeeChats;

public enum CareerStage
{
    Unspecified,
    Student,
    EarlyCareer,
    MidCareer,
    Senior,
    Retired,
}

public enum LookingFor
{
    Any,
    Peer,
    Mentor,
    Mentee,
}

public enum MeetingFormat
{
    Virtual,
    InPerson,
    Either,
}

/// <summary>What a member tells us to be matched well. Interests are normalised lower-case tags.</summary>
public sealed record MemberProfile(
    IReadOnlyList<string> Interests,
    string TimeZone,
    CareerStage Stage,
    LookingFor LookingFor,
    MeetingFormat Format,
    string? Region,
    Cadence Cadence);
