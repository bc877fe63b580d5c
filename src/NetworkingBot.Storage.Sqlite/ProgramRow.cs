using NetworkingBot.Core.CoffeeChats;
using static NetworkingBot.Storage.Sqlite.SqliteValues;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>A programs row as Dapper reads and writes it.</summary>
internal sealed class ProgramRow
{
    public string CommunityId { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public string Day { get; set; } = "";
    public string Time { get; set; } = "";
    public string TimeZone { get; set; } = "";
    public string Cadence { get; set; } = "";
    public int GroupSize { get; set; }
    public int CheckInAfterDays { get; set; }
    public string Anchor { get; set; } = "";
    public bool Enabled { get; set; }
    public string UpdatedAt { get; set; } = "";

    public static ProgramRow From(CoffeeSchedule p) => new()
    {
        CommunityId = p.CommunityId,
        ChannelId = p.ChannelId,
        Day = p.Day.ToString(),
        Time = SqliteValues.Time(p.Time),
        TimeZone = p.TimeZone,
        Cadence = p.Cadence.ToString(),
        GroupSize = p.GroupSize,
        CheckInAfterDays = p.CheckInAfterDays,
        Anchor = Date(p.Anchor),
        Enabled = p.Enabled,
        UpdatedAt = Instant(p.UpdatedAt),
    };

    public CoffeeSchedule ToProgram() => new(
        CommunityId,
        ChannelId,
        ToEnum<DayOfWeek>(Day),
        ToTime(Time),
        TimeZone,
        ToEnum<Core.Scheduling.Cadence>(Cadence),
        GroupSize,
        CheckInAfterDays,
        ToDate(Anchor),
        Enabled,
        ToInstant(UpdatedAt));
}
