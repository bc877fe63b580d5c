using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Scheduling;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Handlers;

public sealed class SetupTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    private CoffeeSchedule? Program => _h.Store.ProgramOf(CoreHarness.Community);

    [Fact]
    public async Task Setup_without_options_uses_defaults_and_schedules()
    {
        var body = TestData.Ok(await _h.RunAsync("org", "/coffee setup", organiser: true)).Body;

        var program = Program!;
        Assert.Equal(
            new CoffeeSchedule(CoreHarness.Community, CoreHarness.Channel, DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", Cadence.Weekly, 2, 4,
                new DateOnly(2026, 3, 4), true, _h.Clock.GetUtcNow()),
            program);
        Assert.Equal([program], _h.Scheduler.Programs);
        Assert.Contains("Next round: Monday 9 March 2026, 09:00", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setup_with_every_option()
    {
        TestData.Ok(await _h.RunAsync("org", "/coffee setup channel:<#C42> day:Thursday time:17:30 tz:America/Chicago cadence:biweekly group:3 checkin:2", organiser: true));

        var p = Program!;
        Assert.Equal("C42", p.ChannelId);
        Assert.Equal(DayOfWeek.Thursday, p.Day);
        Assert.Equal(new TimeOnly(17, 30), p.Time);
        Assert.Equal("America/Chicago", p.TimeZone);
        Assert.Equal(Cadence.Biweekly, p.Cadence);
        Assert.Equal(3, p.GroupSize);
        Assert.Equal(2, p.CheckInAfterDays);
    }

    [Fact]
    public async Task Changing_settings_keeps_the_rest_and_reschedules()
    {
        await _h.SetUpAsync("day:monday time:09:00 tz:Europe/Oslo");
        _h.Clock.Advance(TimeSpan.FromHours(1));

        TestData.Ok(await _h.RunAsync("org", "/coffee setup time:10:15", organiser: true));

        Assert.Equal(2, _h.Scheduler.Programs.Count);
        Assert.Equal(new TimeOnly(10, 15), _h.Scheduler.Programs[1].Time);
        Assert.Equal("Europe/Oslo", Program!.TimeZone);
        Assert.Equal(_h.Clock.GetUtcNow(), Program!.UpdatedAt);
    }

    [Fact]
    public async Task Stopping_the_program_says_so()
    {
        await _h.SetUpAsync();
        var body = TestData.Ok(await _h.RunAsync("org", "/coffee setup active:no", organiser: true)).Body;
        Assert.False(Program!.Enabled);
        Assert.False(_h.Scheduler.Programs[^1].Enabled);
        Assert.Contains("stopped", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tz:Mars/Olympus", "bad_timezone")]
    [InlineData("time:25:00", "bad_time")]
    [InlineData("time:9am", "bad_time")]
    [InlineData("cadence:hourly", "bad_choice")]
    [InlineData("checkin:9", "bad_number")]
    [InlineData("checkin:0", "bad_number")]
    [InlineData("group:4", "bad_choice")]
    [InlineData("day:funday", "bad_choice")]
    [InlineData("channel:\"two words\"", "bad_channel")]
    public async Task Bad_setup_is_refused_and_nothing_is_stored_or_scheduled(string options, string code)
    {
        await _h.SetUpAsync("tz:Europe/Oslo");
        var before = _h.Store.Snapshot();

        TestData.Failed(await _h.RunAsync("org", $"/coffee setup active:yes {options}", organiser: true), code);

        Assert.Equal(before, _h.Store.Snapshot());
        Assert.Single(_h.Scheduler.Programs);
        Assert.Equal(DayOfWeek.Monday, Program!.Day);
    }

    [Fact]
    public async Task Setup_is_for_organisers_only()
    {
        TestData.Failed(await _h.RunAsync("ana", "/coffee setup day:monday"), "not_organiser");
        Assert.Null(Program);
        Assert.Empty(_h.Scheduler.Programs);
    }
}
