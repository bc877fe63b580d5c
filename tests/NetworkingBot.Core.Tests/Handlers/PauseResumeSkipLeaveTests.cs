using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Handlers;

public sealed class PauseResumeSkipLeaveTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    private Member Ana => _h.Store.MemberOf(CoreHarness.Community, "ana")!;

    [Fact]
    public async Task Pause_for_weeks()
    {
        await _h.JoinAsync("ana");

        var body = TestData.Ok(await _h.RunAsync("ana", "/coffee pause weeks:2")).Body;

        Assert.Equal(_h.Clock.GetUtcNow().AddDays(14), Ana.PausedUntil);
        Assert.Contains("Wednesday 18 March 2026", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_until_a_date_means_midnight_in_the_member_time_zone()
    {
        TestData.Ok(await _h.RunAsync("ana", "/coffee join tz:America/Chicago"));

        TestData.Ok(await _h.RunAsync("ana", "/coffee pause until:2026-04-01"));

        // 1 April 2026 00:00 in Chicago is daylight time (UTC-5).
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 5, 0, 0, TimeSpan.Zero), Ana.PausedUntil);
    }

    [Theory]
    [InlineData("until:2026-03-01", "date_in_past")]
    [InlineData("until:2026-03-04", "date_in_past")]
    [InlineData("until:2027-06-01", "date_too_far")]
    [InlineData("until:2026-13-01", "bad_date")]
    [InlineData("weeks:0", "bad_number")]
    [InlineData("weeks:53", "bad_number")]
    [InlineData("weeks:2 until:2026-04-01", "pause_needs_one")]
    [InlineData("", "pause_needs_one")]
    public async Task Bad_pauses_are_refused_and_store_nothing(string options, string code)
    {
        await _h.JoinAsync("ana");
        var before = _h.Store.Snapshot();

        TestData.Failed(await _h.RunAsync("ana", $"/coffee pause {options}"), code);

        Assert.Equal(before, _h.Store.Snapshot());
        Assert.Null(Ana.PausedUntil);
    }

    [Fact]
    public async Task Resume_ends_a_pause_and_a_skip()
    {
        await _h.JoinAsync("ana");
        TestData.Ok(await _h.RunAsync("ana", "/coffee pause weeks:3"));
        await _h.Store.UpsertAsync(Ana with { SkipNext = true, IgnoredCheckIns = 2 });

        var body = TestData.Ok(await _h.RunAsync("ana", "/coffee resume")).Body;

        Assert.Contains("Welcome back", body, StringComparison.Ordinal);
        Assert.Null(Ana.PausedUntil);
        Assert.False(Ana.SkipNext);
        Assert.Equal(0, Ana.IgnoredCheckIns);
    }

    [Fact]
    public async Task Resume_when_not_paused_changes_nothing()
    {
        await _h.JoinAsync("ana");
        var before = _h.Store.Snapshot();

        var body = TestData.Ok(await _h.RunAsync("ana", "/coffee resume")).Body;

        Assert.Contains("nothing to resume", body, StringComparison.Ordinal);
        Assert.Equal(before, _h.Store.Snapshot());
    }

    [Fact]
    public async Task Skip_sets_the_flag_once()
    {
        await _h.JoinAsync("ana");

        TestData.Ok(await _h.RunAsync("ana", "/coffee skip"));
        Assert.True(Ana.SkipNext);

        var again = TestData.Ok(await _h.RunAsync("ana", "/coffee skip")).Body;
        Assert.Contains("already skipping", again, StringComparison.Ordinal);
        Assert.True(Ana.SkipNext);
    }

    [Fact]
    public async Task Leave_marks_left_and_clears_pause_and_skip()
    {
        await _h.JoinAsync("ana");
        TestData.Ok(await _h.RunAsync("ana", "/coffee pause weeks:1"));
        TestData.Ok(await _h.RunAsync("ana", "/coffee skip"));

        TestData.Ok(await _h.RunAsync("ana", "/coffee leave"));

        Assert.Equal(MemberStatus.Left, Ana.Status);
        Assert.Null(Ana.PausedUntil);
        Assert.False(Ana.SkipNext);
        TestData.Failed(await _h.RunAsync("ana", "/coffee leave"), "not_enrolled");
        TestData.Failed(await _h.RunAsync("ana", "/coffee status"), "not_enrolled");
    }

    [Theory]
    [InlineData("/coffee pause weeks:1")]
    [InlineData("/coffee resume")]
    [InlineData("/coffee skip")]
    [InlineData("/coffee leave")]
    public async Task Member_commands_need_membership(string line)
    {
        TestData.Failed(await _h.RunAsync("ana", line), "not_enrolled");
        Assert.Null(_h.Store.MemberOf(CoreHarness.Community, "ana"));
    }
}
