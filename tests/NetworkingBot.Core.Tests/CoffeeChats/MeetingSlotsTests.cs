using NetworkingBot.Core.CoffeeChats;

namespace NetworkingBot.Core.Tests.CoffeeChats;

public sealed class MeetingSlotsTests
{
    private static readonly string[] ThreeZones = ["America/New_York", "Europe/London", "Asia/Kolkata"];

    /// <summary>Wednesday 2 December 2026, 09:00 UTC.</summary>
    private static readonly DateTimeOffset Round = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Members_in_three_zones_get_slots_inside_everyones_waking_hours_in_the_coming_week()
    {
        var slots = MeetingSlots.Suggest(Round, ThreeZones);

        Assert.InRange(slots.Count, 2, MeetingSlots.MaxSlots);
        Assert.All(slots, slot =>
        {
            Assert.InRange(slot, Round.AddHours(12), Round.AddDays(7));
            AssertAwake(slot, ThreeZones);
        });
        Assert.Equal(slots.Order(), slots);
    }

    [Fact]
    public void Every_week_of_a_year_the_slots_stay_inside_waking_hours_across_daylight_saving_changes()
    {
        // New York and London change clocks on different weekends, so some weeks the overlap moves by an hour.
        for (var week = 0; week < 53; week++)
        {
            var round = Round.AddDays(7 * week);
            var slots = MeetingSlots.Suggest(round, ThreeZones);
            Assert.NotEmpty(slots);
            Assert.All(slots, slot => AssertAwake(slot, ThreeZones));
        }
    }

    [Fact]
    public void Where_possible_the_slots_are_on_weekdays_in_everyones_working_hours()
    {
        string[] zones = ["Europe/London", "Europe/Berlin"];
        var friday = new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

        var slots = MeetingSlots.Suggest(friday, zones);

        Assert.Equal(MeetingSlots.MaxSlots, slots.Count);
        Assert.All(slots, slot => Assert.All(zones, zone =>
        {
            var local = TimeZoneInfo.ConvertTime(slot, TimeZoneInfo.FindSystemTimeZoneById(zone));
            Assert.DoesNotContain(local.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });
            Assert.InRange(local.TimeOfDay, TimeSpan.FromHours(9), TimeSpan.FromHours(16.5));
        }));
        Assert.All(slots.Zip(slots.Skip(1)), p => Assert.True(p.Second - p.First >= TimeSpan.FromHours(20), "suggestions are on different days"));
    }

    [Fact]
    public void Zones_whose_waking_hours_never_overlap_get_no_slots()
    {
        // Honolulu wakes at 18:00 UTC, after Kolkata has gone to bed (15:30 UTC): no half hour suits all three, in any season.
        Assert.Empty(MeetingSlots.Suggest(Round, ["Pacific/Honolulu", "Europe/London", "Asia/Kolkata"]));
    }

    [Fact]
    public void An_unknown_zone_is_read_as_utc_like_the_pairing_does()
    {
        var slots = MeetingSlots.Suggest(Round, ["Not/AZone", "America/New_York"]);

        Assert.NotEmpty(slots);
        Assert.All(slots, slot => AssertAwake(slot, ["UTC", "America/New_York"]));
        Assert.Equal("UTC", MeetingSlots.ZoneName("Not/AZone"));
        Assert.Equal("Asia/Kolkata", MeetingSlots.ZoneName("Asia/Kolkata"));
    }

    private static void AssertAwake(DateTimeOffset slot, IEnumerable<string> zones)
    {
        foreach (var zone in zones)
        {
            var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
            var start = TimeZoneInfo.ConvertTime(slot, tz);
            var end = TimeZoneInfo.ConvertTime(slot + MeetingSlots.Length, tz);
            Assert.True(start.TimeOfDay >= TimeSpan.FromHours(8) && start.Date == end.Date && end.TimeOfDay <= TimeSpan.FromHours(21),
                $"{slot:u} is {start:HH:mm}-{end:HH:mm} in {zone}, outside 08:00-21:00");
        }
    }
}
