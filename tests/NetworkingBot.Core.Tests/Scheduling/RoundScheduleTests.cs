using NetworkingBot.Core.Scheduling;

namespace NetworkingBot.Core.Tests.Scheduling;

public sealed class RoundScheduleTests
{
    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    [Fact]
    public void Weekly_next_is_strictly_after_previous_is_at_or_before()
    {
        var program = TestData.Program(DayOfWeek.Monday, 9);
        Assert.Equal(Utc(2026, 3, 9, 9), RoundSchedule.Next(program, Utc(2026, 3, 4, 12)));
        Assert.Equal(Utc(2026, 3, 16, 9), RoundSchedule.Next(program, Utc(2026, 3, 9, 9)));
        Assert.Equal(Utc(2026, 3, 9, 9), RoundSchedule.Next(program, Utc(2026, 3, 9, 8, 59)));
        Assert.Equal(Utc(2026, 3, 9, 9), RoundSchedule.Previous(program, Utc(2026, 3, 9, 9)));
        Assert.Equal(Utc(2026, 3, 2, 9), RoundSchedule.Previous(program, Utc(2026, 3, 9, 8, 59)));
    }

    [Fact]
    public void Biweekly_alternates_from_the_anchor_week()
    {
        var fromMonday = TestData.Program(DayOfWeek.Monday, 9, cadence: Cadence.Biweekly, anchor: new DateOnly(2026, 1, 5));
        Assert.Equal(Utc(2026, 3, 16, 9), RoundSchedule.Next(fromMonday, Utc(2026, 3, 4, 12)));
        Assert.Equal(Utc(2026, 3, 2, 9), RoundSchedule.Previous(fromMonday, Utc(2026, 3, 4, 12)));
        Assert.Equal(Utc(2026, 3, 30, 9), RoundSchedule.Next(fromMonday, Utc(2026, 3, 16, 9)));

        // An anchor on a Wednesday counts from the first Monday after it (12 January).
        var fromWednesday = fromMonday with { Anchor = new DateOnly(2026, 1, 7) };
        Assert.Equal(Utc(2026, 3, 9, 9), RoundSchedule.Next(fromWednesday, Utc(2026, 3, 4, 12)));

        // Before the anchor the fortnights continue backwards.
        Assert.Equal(Utc(2025, 12, 22, 9), RoundSchedule.Previous(fromMonday, Utc(2026, 1, 1, 0)));
    }

    [Fact]
    public void Monthly_is_the_first_such_weekday_of_the_month()
    {
        var program = TestData.Program(DayOfWeek.Monday, 9, cadence: Cadence.Monthly);
        Assert.Equal(Utc(2026, 4, 6, 9), RoundSchedule.Next(program, Utc(2026, 3, 4, 12)));
        Assert.Equal(Utc(2026, 3, 2, 9), RoundSchedule.Previous(program, Utc(2026, 3, 31, 0)));
        Assert.Equal(Utc(2026, 6, 1, 9), RoundSchedule.Next(program, Utc(2026, 5, 4, 9)));
    }

    [Fact]
    public void Chicago_monday_nine_stays_nine_local_across_november_fall_back()
    {
        var program = TestData.Program(DayOfWeek.Monday, 9, tz: "America/Chicago");
        var before = RoundSchedule.Next(program, Utc(2026, 10, 20, 0));
        var after = RoundSchedule.Next(program, before);
        Assert.Equal(Utc(2026, 10, 26, 14), before);
        Assert.Equal(Utc(2026, 11, 2, 15), after);
        Assert.Equal(before, RoundSchedule.Previous(program, after.AddTicks(-1)));
    }

    [Fact]
    public void Chicago_monday_nine_stays_nine_local_across_march_spring_forward()
    {
        var program = TestData.Program(DayOfWeek.Monday, 9, tz: "America/Chicago");
        var before = RoundSchedule.Next(program, Utc(2026, 3, 1, 0));
        var after = RoundSchedule.Next(program, before);
        Assert.Equal(Utc(2026, 3, 2, 15), before);
        Assert.Equal(Utc(2026, 3, 9, 14), after);
        Assert.Equal(before, RoundSchedule.Previous(program, after.AddTicks(-1)));
    }

    [Fact]
    public void A_time_inside_the_spring_forward_gap_moves_after_the_gap()
    {
        // 8 March 2026, 02:30 does not exist in Chicago (02:00 CST jumps to 03:00 CDT).
        var program = TestData.Program(DayOfWeek.Sunday, 2, 30, tz: "America/Chicago");
        Assert.Equal(Utc(2026, 3, 8, 8), RoundSchedule.Next(program, Utc(2026, 3, 7, 0)));
        Assert.Equal(Utc(2026, 3, 1, 8, 30), RoundSchedule.Previous(program, Utc(2026, 3, 8, 7, 59)));
        Assert.Equal(Utc(2026, 3, 15, 7, 30), RoundSchedule.Next(program, Utc(2026, 3, 8, 8)));
    }

    [Fact]
    public void An_ambiguous_fall_back_time_takes_the_first_occurrence()
    {
        // 1 November 2026, 01:30 happens twice in Chicago; the first is CDT (UTC-5).
        var program = TestData.Program(DayOfWeek.Sunday, 1, 30, tz: "America/Chicago");
        Assert.Equal(Utc(2026, 11, 1, 6, 30), RoundSchedule.Next(program, Utc(2026, 10, 31, 0)));
    }

    [Theory]
    [InlineData("America/Chicago", Cadence.Weekly)]
    [InlineData("America/Chicago", Cadence.Biweekly)]
    [InlineData("Europe/London", Cadence.Monthly)]
    [InlineData("Asia/Kolkata", Cadence.Weekly)]
    public void Next_and_previous_bracket_every_instant(string tz, Cadence cadence)
    {
        var program = TestData.Program(DayOfWeek.Monday, 9, tz: tz, cadence: cadence);
        var zone = RoundSchedule.Zone(tz);
        for (var x = Utc(2026, 10, 1, 0, 17); x < Utc(2026, 12, 1, 0); x = x.AddHours(5))
        {
            var next = RoundSchedule.Next(program, x);
            var previous = RoundSchedule.Previous(program, x)!.Value;
            Assert.True(previous <= x && x < next, $"{previous:O} <= {x:O} < {next:O}");
            Assert.Equal(next, RoundSchedule.Next(program, previous));
            Assert.Equal(previous, RoundSchedule.Previous(program, next.AddTicks(-1)));
            Assert.Equal(next, RoundSchedule.Previous(program, next));
            var local = TimeZoneInfo.ConvertTime(next, zone);
            Assert.Equal((DayOfWeek.Monday, 9, 0), (local.DayOfWeek, local.Hour, local.Minute));
        }
    }

    [Fact]
    public void Unknown_zone_falls_back_to_utc()
    {
        Assert.Equal(TimeZoneInfo.Utc, RoundSchedule.Zone("Mars/Olympus"));
    }
}
