using NetworkingBot.Core.CoffeeChats;
using static NetworkingBot.Storage.Sqlite.SqliteValues;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>A rounds row; its groups live in round_groups and are joined in by <see cref="RoundReader"/>.</summary>
internal sealed class RoundRow
{
    public const string Select =
        """
        SELECT round_id AS RoundId, community_id AS CommunityId, slot_key AS SlotKey, number AS Number,
               scheduled_for AS ScheduledFor, created_at AS CreatedAt, status AS Status, seed AS Seed,
               unmatched AS Unmatched, check_in_at AS CheckInAt
        FROM rounds
        """;

    public string RoundId { get; set; } = "";
    public string CommunityId { get; set; } = "";
    public string SlotKey { get; set; } = "";
    public int Number { get; set; }
    public string ScheduledFor { get; set; } = "";
    public string CreatedAt { get; set; } = "";
    public string Status { get; set; } = "";
    public int Seed { get; set; }
    public string Unmatched { get; set; } = "[]";
    public string CheckInAt { get; set; } = "";

    public static RoundRow From(Round r) => new()
    {
        RoundId = r.RoundId,
        CommunityId = r.CommunityId,
        SlotKey = r.SlotKey,
        Number = r.Number,
        ScheduledFor = Instant(r.ScheduledFor),
        CreatedAt = Instant(r.CreatedAt),
        Status = r.Status.ToString(),
        Seed = r.Seed,
        Unmatched = Json(r.Unmatched),
        CheckInAt = Instant(r.CheckInAt),
    };

    public Round ToRound(IReadOnlyList<RoundGroup> groups) => new(
        RoundId,
        CommunityId,
        SlotKey,
        Number,
        ToInstant(ScheduledFor),
        ToInstant(CreatedAt),
        ToEnum<RoundStatus>(Status),
        Seed,
        groups,
        ToList(Unmatched),
        ToInstant(CheckInAt));
}

/// <summary>A round_groups row.</summary>
internal sealed class GroupRow
{
    public string RoundId { get; set; } = "";
    public int GroupIndex { get; set; }
    public string Members { get; set; } = "[]";
    public string Why { get; set; } = "";

    public static GroupRow From(string roundId, RoundGroup g) => new()
    {
        RoundId = roundId,
        GroupIndex = g.Index,
        Members = Json(g.Members),
        Why = g.Why,
    };

    public RoundGroup ToGroup() => new(GroupIndex, ToList(Members), Why);
}

/// <summary>A check_ins row.</summary>
internal sealed class CheckInRow
{
    public string RoundId { get; set; } = "";
    public string CommunityId { get; set; } = "";
    public string UserId { get; set; } = "";
    public string Answer { get; set; } = "";
    public string AnsweredAt { get; set; } = "";

    public static CheckInRow From(CheckInResponse c) => new()
    {
        RoundId = c.RoundId,
        CommunityId = c.CommunityId,
        UserId = c.UserId,
        Answer = c.Answer.ToString(),
        AnsweredAt = Instant(c.AnsweredAt),
    };

    public CheckInResponse ToResponse() => new(RoundId, CommunityId, UserId, ToEnum<CheckInAnswer>(Answer), ToInstant(AnsweredAt));
}
