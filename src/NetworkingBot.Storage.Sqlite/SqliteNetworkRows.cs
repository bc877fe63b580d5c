using NetworkingBot.Core.Network;
using static NetworkingBot.Storage.Sqlite.SqliteValues;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>A network_contacts row as Dapper reads and writes it.</summary>
internal sealed class NetworkContactRow
{
    public const string Columns =
        """
        community_id AS CommunityId, owner_id AS OwnerId, other_id AS OtherId, how AS How, first_met AS FirstMet,
        last_spoke AS LastSpoke, reminders_on AS RemindersOn, planned AS Planned, former_member AS FormerMember
        """;

    public string CommunityId { get; set; } = "";
    public string OwnerId { get; set; } = "";
    public string OtherId { get; set; } = "";
    public string How { get; set; } = "";
    public string FirstMet { get; set; } = "";
    public string LastSpoke { get; set; } = "";
    public bool RemindersOn { get; set; }
    public bool Planned { get; set; }
    public bool FormerMember { get; set; }

    public static NetworkContactRow From(NetworkContact c) => new()
    {
        CommunityId = c.CommunityId, OwnerId = c.OwnerId, OtherId = c.OtherId, How = c.How, FirstMet = Instant(c.FirstMet),
        LastSpoke = Instant(c.LastSpoke), RemindersOn = c.RemindersOn, Planned = c.Planned, FormerMember = c.FormerMember,
    };

    public NetworkContact ToContact() =>
        new(CommunityId, OwnerId, OtherId, How, ToInstant(FirstMet), ToInstant(LastSpoke), RemindersOn, Planned, FormerMember);
}

/// <summary>A network_notes row as Dapper reads it.</summary>
internal sealed class NetworkNoteRow
{
    public const string Columns = "community_id AS CommunityId, owner_id AS OwnerId, other_id AS OtherId, at AS At, text AS Text";

    public string CommunityId { get; set; } = "";
    public string OwnerId { get; set; } = "";
    public string OtherId { get; set; } = "";
    public string At { get; set; } = "";
    public string Text { get; set; } = "";

    public NetworkNote ToNote() => new(CommunityId, OwnerId, OtherId, ToInstant(At), Text);
}

/// <summary>A network_nudges row as Dapper reads and writes it.</summary>
internal sealed class NetworkNudgeRow
{
    public const string Columns = "community_id AS CommunityId, owner_id AS OwnerId, other_id AS OtherId, kind AS Kind, due_at AS DueAt";

    public string CommunityId { get; set; } = "";
    public string OwnerId { get; set; } = "";
    public string OtherId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string DueAt { get; set; } = "";

    public static NetworkNudgeRow From(NetworkNudge n) => new()
    {
        CommunityId = n.CommunityId, OwnerId = n.OwnerId, OtherId = n.OtherId, Kind = n.Kind.ToString(), DueAt = Instant(n.DueAt),
    };

    public NetworkNudge ToNudge() => new(CommunityId, OwnerId, OtherId, ToEnum<NudgeKind>(Kind), ToInstant(DueAt));
}

/// <summary>A network_intros row as Dapper reads it.</summary>
internal sealed class NetworkIntroRow
{
    public const string Columns = "community_id AS CommunityId, introducer_id AS IntroducerId, first_id AS FirstId, second_id AS SecondId, at AS At";

    public string CommunityId { get; set; } = "";
    public string IntroducerId { get; set; } = "";
    public string FirstId { get; set; } = "";
    public string SecondId { get; set; } = "";
    public string At { get; set; } = "";

    public IntroRecord ToIntro() => new(CommunityId, IntroducerId, FirstId, SecondId, ToInstant(At));
}
