namespace NetworkingBot.Core.Interviews;

/// <summary>Whether a volunteer is being matched: paused and stopped offers are never asked.</summary>
public enum OfferStatus
{
    Active,
    Paused,
    Stopped,
}

/// <summary>
/// A volunteer's offer to give informational interviews in one community. <see cref="MonthlyCapacity"/> is how
/// many interviews they accept per calendar month (UTC); <see cref="TimeZone"/> is optional and only ranks.
/// </summary>
public sealed record InterviewOffer(
    string CommunityId,
    string UserId,
    string DisplayName,
    IReadOnlyList<string> Specialties,
    string Role,
    string? Institution,
    int MonthlyCapacity,
    string? Note,
    string? Contact,
    string? TimeZone,
    OfferStatus Status,
    DateTimeOffset UpdatedAt);
