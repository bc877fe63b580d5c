using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Handlers;

public sealed class StatusStatsTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Status_without_a_program()
    {
        await _h.JoinAsync("ana");
        var body = TestData.Ok(await _h.RunAsync("ana", "/coffee status")).Body;
        Assert.Contains("No rounds are scheduled", body, StringComparison.Ordinal);
        Assert.Contains("matched 0 times, 0 confirmed as met", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_shows_the_next_round_in_the_member_time_zone()
    {
        await _h.SetUpAsync("day:monday time:09:00 tz:UTC");
        TestData.Ok(await _h.RunAsync("ana", "/coffee join tz:Asia/Kolkata"));

        var body = TestData.Ok(await _h.RunAsync("ana", "/coffee status")).Body;

        // Monday 9 March 09:00 UTC is 14:30 in Kolkata.
        Assert.Contains("Next round: Monday 9 March, 14:30 (Asia/Kolkata)", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_shows_pause_and_skip()
    {
        await _h.SetUpAsync();
        await _h.JoinAsync("ana", "bob");
        TestData.Ok(await _h.RunAsync("ana", "/coffee pause until:2026-04-01"));
        TestData.Ok(await _h.RunAsync("bob", "/coffee skip"));

        Assert.Contains("paused until 1 April 2026", TestData.Ok(await _h.RunAsync("ana", "/coffee status")).Body, StringComparison.Ordinal);
        Assert.Contains("skipping the next round", TestData.Ok(await _h.RunAsync("bob", "/coffee status")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_after_a_round_names_the_partner_and_counts_chats()
    {
        await _h.SetUpAsync();
        await _h.JoinAsync("ana", "bob", "cat", "dan");
        TestData.Ok(await _h.RunAsync("org", "/coffee pair-now", organiser: true));
        var round = Assert.Single(_h.Store.RoundsOf(CoreHarness.Community));
        TestData.Ok(await _h.RunAsync("ana", $"/coffee checkin round:{round.RoundId} answer:met"));

        var ana = TestData.Ok(await _h.RunAsync("ana", "/coffee status")).Body;
        var cat = TestData.Ok(await _h.RunAsync("cat", "/coffee status")).Body;

        Assert.Contains("Current partner (round 1): <@bob>", ana, StringComparison.Ordinal);
        Assert.Contains("matched 1 time, 1 confirmed as met", ana, StringComparison.Ordinal);
        Assert.Contains("Current partner (round 1): <@dan>", cat, StringComparison.Ordinal);
        Assert.Contains("matched 1 time, 0 confirmed as met", cat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_counts_members_rounds_meetings_and_repeats()
    {
        await _h.SetUpAsync();
        await _h.JoinAsync("ana", "bob", "cat", "dan", "eve");
        TestData.Ok(await _h.RunAsync("eve", "/coffee pause weeks:1"));
        TestData.Ok(await _h.RunAsync("dan", "/coffee leave"));
        TestData.Ok(await _h.RunAsync("dan", "/coffee join"));
        TestData.Ok(await _h.RunAsync("org", "/coffee pair-now", organiser: true));
        var first = _h.Store.RoundsOf(CoreHarness.Community)[0];
        TestData.Ok(await _h.RunAsync("bob", $"/coffee checkin round:{first.RoundId} answer:met"));
        TestData.Ok(await _h.RunAsync("cat", $"/coffee checkin round:{first.RoundId} answer:not-this-time"));
        _h.Clock.Advance(TimeSpan.FromDays(7));
        TestData.Ok(await _h.RunAsync("org", "/coffee pair-now", organiser: true));

        var body = TestData.Ok(await _h.RunAsync("org", "/coffee stats", organiser: true)).Body;

        // eve's pause (one week) is over by now; the in-order engine re-pairs ana+bob and cat+dan.
        Assert.Contains("5 members (0 paused, 0 left); 2 rounds, 4 groups.", body, StringComparison.Ordinal);
        Assert.Contains("Groups that met: 1 of 4 (25%); groups that answered a check-in: 2.", body, StringComparison.Ordinal);
        Assert.Contains("Repeat pairs: 2 of 6 pairs", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_counts_paused_and_left()
    {
        await _h.JoinAsync("ana", "bob", "cat");
        TestData.Ok(await _h.RunAsync("ana", "/coffee pause weeks:1"));
        TestData.Ok(await _h.RunAsync("bob", "/coffee leave"));

        var body = TestData.Ok(await _h.RunAsync("org", "/coffee stats", organiser: true)).Body;

        Assert.Contains("2 members (1 paused, 1 left); 0 rounds, 0 groups.", body, StringComparison.Ordinal);
        Assert.Contains("(n/a)", body, StringComparison.Ordinal);
    }
}
