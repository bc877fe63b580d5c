using NetworkingBot.Core.CoffeeChats;
using static NetworkingBot.Storage.Sqlite.SqliteValues;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>A members row as Dapper reads and writes it: only column-friendly types.</summary>
internal sealed class MemberRow
{
    public string CommunityId { get; set; } = "";
    public string UserId { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Interests { get; set; } = "[]";
    public string TimeZone { get; set; } = "";
    public string Stage { get; set; } = "";
    public string LookingFor { get; set; } = "";
    public string Format { get; set; } = "";
    public string? Region { get; set; }
    public string Cadence { get; set; } = "";
    public string Status { get; set; } = "";
    public string JoinedAt { get; set; } = "";
    public string? PausedUntil { get; set; }
    public bool SkipNext { get; set; }
    public int IgnoredCheckIns { get; set; }
    public string? LastRoundAt { get; set; }

    public static MemberRow From(Member m) => new()
    {
        CommunityId = m.CommunityId,
        UserId = m.UserId,
        DisplayName = m.DisplayName,
        Interests = Json(m.Profile.Interests),
        TimeZone = m.Profile.TimeZone,
        Stage = m.Profile.Stage.ToString(),
        LookingFor = m.Profile.LookingFor.ToString(),
        Format = m.Profile.Format.ToString(),
        Region = m.Profile.Region,
        Cadence = m.Profile.Cadence.ToString(),
        Status = m.Status.ToString(),
        JoinedAt = Instant(m.JoinedAt),
        PausedUntil = Instant(m.PausedUntil),
        SkipNext = m.SkipNext,
        IgnoredCheckIns = m.IgnoredCheckIns,
        LastRoundAt = Instant(m.LastRoundAt),
    };

    public Member ToMember() => new(
        CommunityId,
        UserId,
        DisplayName,
        new MemberProfile(
            ToList(Interests),
            TimeZone,
            ToEnum<CareerStage>(Stage),
            ToEnum<Core.CoffeeChats.LookingFor>(LookingFor),
            ToEnum<MeetingFormat>(Format),
            Region,
            ToEnum<Core.Scheduling.Cadence>(Cadence)),
        ToEnum<MemberStatus>(Status),
        ToInstant(JoinedAt),
        ToNullableInstant(PausedUntil),
        SkipNext,
        IgnoredCheckIns,
        ToNullableInstant(LastRoundAt));
}
