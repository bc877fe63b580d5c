namespace NetworkingBot.Core.Pairing;

/// <summary>
/// Where a member is in their career, as the pairing reads it. The order matters: neighbouring stages count as
/// similar (<see cref="PairScorer.SimilarStage"/>).
/// </summary>
public enum PairingStage
{
    Unspecified,
    Student,
    EarlyCareer,
    MidCareer,
    Senior,
    Retired,
}

/// <summary>Whom a member hopes to meet, as the pairing reads it.</summary>
public enum PairingLookingFor
{
    Any,
    Peer,
    Mentor,
    Mentee,
}

/// <summary>How a member can meet, as the pairing reads it.</summary>
public enum PairingFormat
{
    Virtual,
    InPerson,
    Either,
}

/// <summary>
/// What the pairing weighs about one member. The engine's own input, so it (and its benchmarks) stand alone; a
/// program maps its members' profiles to it. Interests are tags; <see cref="TimeZone"/> is an IANA id.
/// </summary>
public sealed record PairingProfile(
    IReadOnlyList<string> Interests,
    string TimeZone,
    PairingStage Stage,
    PairingLookingFor LookingFor,
    PairingFormat Format,
    string? Region);
