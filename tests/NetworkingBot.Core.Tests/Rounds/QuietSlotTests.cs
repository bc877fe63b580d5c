using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Rounds;

/// <summary>
/// A scheduled round nobody is due for (typically the day after an organiser's pair-now) sends nothing and takes
/// no number; status and preview look past it. The harness starts on Wednesday 4 March 2026, 12:00 UTC; rounds are
/// on Mondays at 09:00 UTC, so after a pair-now on that Wednesday nobody is due on the 9th and everyone on the 16th.
/// </summary>
public sealed class QuietSlotTests : IDisposable
{
    private static readonly DateTimeOffset Ninth = new(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Sixteenth = Ninth.AddDays(7);
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    private async Task PairedNowAsync(params string[] users)
    {
        await _h.SetUpAsync("day:monday time:09:00 tz:UTC");
        await _h.JoinAsync(users);
        TestData.Ok(await _h.RunAsync("org", "/coffee pair-now", organiser: true));
    }

    private Task<RoundOutcome> FireAsync(DateTimeOffset slot)
    {
        _h.Clock.SetUtcNow(slot.AddMinutes(1));
        return _h.GetService<RoundService>().RunScheduledAsync(CoreHarness.Community, slot, default);
    }

    [Fact]
    public async Task A_slot_nobody_is_due_for_sends_nothing_and_takes_no_number()
    {
        await PairedNowAsync("ana", "bob", "cat", "dan");
        var sent = _h.Messenger.Sent.Count;

        var quiet = await FireAsync(Ninth);
        var next = await FireAsync(Sixteenth);

        Assert.Equal(Ninth, Assert.IsType<RoundOutcome.NobodyDue>(quiet).Slot);
        Assert.Equal([1, 2], _h.Store.RoundsOf(CoreHarness.Community).Select(r => r.Number).Order());
        Assert.Equal(2, Assert.IsType<RoundOutcome.Ran>(next).Round.Number);
        Assert.Contains("round 2", Assert.Single(_h.Messenger.ChannelPosts.Skip(1)).Text, StringComparison.Ordinal);
        Assert.Equal(sent + 1 + 4, _h.Messenger.Sent.Count); // the 16th's announcement and four intros, nothing on the 9th
        Assert.Contains("2 rounds, 4 groups", TestData.Ok(await _h.RunAsync("org", "/coffee stats", organiser: true)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quiet_slot_stays_quiet_when_fired_again_after_someone_joined()
    {
        await PairedNowAsync("ana", "bob");
        Assert.IsType<RoundOutcome.NobodyDue>(await FireAsync(Ninth));
        await _h.JoinAsync("cat", "dan");
        var before = _h.Store.Snapshot();

        // The catch-up looks back over the grace period: it must not run the 9th's round late for cat and dan.
        await _h.GetService<RoundService>().CatchUpAsync(default);
        var again = await _h.GetService<RoundService>().RunScheduledAsync(CoreHarness.Community, Ninth, default);

        Assert.IsType<RoundOutcome.NobodyDue>(again);
        Assert.Equal(before, _h.Store.Snapshot());
        Assert.Single(_h.Store.RoundsOf(CoreHarness.Community));
    }

    [Fact]
    public async Task Members_due_but_skipping_use_up_their_skip_on_a_quiet_slot()
    {
        await _h.SetUpAsync("day:monday time:09:00 tz:UTC");
        await _h.JoinAsync("ana", "bob");
        TestData.Ok(await _h.RunAsync("ana", "/coffee skip"));
        TestData.Ok(await _h.RunAsync("bob", "/coffee skip"));

        Assert.IsType<RoundOutcome.NobodyDue>(await FireAsync(Ninth));
        Assert.Empty(_h.Store.RoundsOf(CoreHarness.Community));
        Assert.False(_h.Store.MemberOf(CoreHarness.Community, "ana")!.SkipNext);

        var next = Assert.IsType<RoundOutcome.Ran>(await FireAsync(Sixteenth));
        Assert.Equal(1, next.Round.Number);
        Assert.Single(next.Round.Groups);
    }

    [Fact]
    public async Task Status_after_a_pair_now_shows_the_member_own_next_round()
    {
        await _h.SetUpAsync("day:monday time:09:00 tz:UTC");
        await _h.JoinAsync("ana", "bob");
        TestData.Ok(await _h.RunAsync("cat", "/coffee join tz:UTC cadence:biweekly"));
        TestData.Ok(await _h.RunAsync("dan", "/coffee join tz:UTC cadence:biweekly"));
        TestData.Ok(await _h.RunAsync("org", "/coffee pair-now", organiser: true));

        var ana = TestData.Ok(await _h.RunAsync("ana", "/coffee status")).Body;
        var cat = TestData.Ok(await _h.RunAsync("cat", "/coffee status")).Body;

        Assert.Contains("Next round: Monday 16 March, 09:00 (UTC).", ana, StringComparison.Ordinal);
        Assert.Contains("Next round: Monday 23 March, 09:00 (UTC).", cat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_of_a_member_skipping_shows_the_round_after_the_skipped_one()
    {
        await _h.SetUpAsync("day:monday time:09:00 tz:UTC");
        await _h.JoinAsync("ana");
        TestData.Ok(await _h.RunAsync("ana", "/coffee skip"));

        var body = TestData.Ok(await _h.RunAsync("ana", "/coffee status")).Body;

        Assert.Contains("Next round: Monday 16 March, 09:00 (UTC). You're skipping the next round.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_of_a_member_paused_indefinitely_promises_no_round()
    {
        await _h.SetUpAsync("day:monday time:09:00 tz:UTC");
        await _h.JoinAsync("ana");
        var ana = _h.Store.MemberOf(CoreHarness.Community, "ana")!;
        await _h.Store.UpsertAsync(ana with { PausedUntil = DateTimeOffset.MaxValue });

        var body = TestData.Ok(await _h.RunAsync("ana", "/coffee status")).Body;

        Assert.StartsWith("No round is coming up for you while you're paused. You're paused until you `/coffee resume`.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_after_a_pair_now_names_the_quiet_round_and_previews_the_next_real_one()
    {
        await PairedNowAsync("ana", "bob");

        var body = TestData.Ok(await _h.RunAsync("org", "/coffee preview", organiser: true)).Body;

        Assert.StartsWith("Nobody is due for the round of Monday 9 March, 09:00 UTC, so it won't go out. Preview of round 2 (Monday 16 March, 09:00 UTC);", body, StringComparison.Ordinal);
        Assert.Contains("2 eligible members, 1 group, 1 repeat pair.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_without_members_says_nobody_has_joined()
    {
        await _h.SetUpAsync();

        var body = TestData.Ok(await _h.RunAsync("org", "/coffee preview", organiser: true)).Body;

        Assert.Equal("No round is coming up: nobody has joined yet. Members join with `/coffee join`.", body);
    }

    [Fact]
    public async Task Status_names_a_forgotten_partner_as_a_former_member()
    {
        await PairedNowAsync("ana", "bob");
        TestData.Ok(await _h.RunAsync("bob", "/networking forget-me confirm:yes"));

        var body = TestData.Ok(await _h.RunAsync("ana", "/coffee status")).Body;

        Assert.Contains("Current partner (round 1): a former member.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pair_now_with_nobody_free_is_refused_and_takes_no_number()
    {
        await _h.SetUpAsync("day:monday time:09:00 tz:UTC");
        await _h.JoinAsync("ana", "bob");
        TestData.Ok(await _h.RunAsync("ana", "/coffee pause weeks:2"));
        TestData.Ok(await _h.RunAsync("bob", "/coffee skip"));
        var before = _h.Store.Snapshot();

        var error = TestData.Failed(await _h.RunAsync("org", "/coffee pair-now", organiser: true), "nobody_available");

        Assert.Contains("Nobody can be paired right now", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _h.Store.Snapshot());
        Assert.Empty(_h.Messenger.Sent);
        await _h.JoinAsync("cat", "dan");
        Assert.Equal(1, Assert.IsType<RoundOutcome.Ran>(await _h.GetService<RoundService>().RunNowAsync(CoreHarness.Community, default)).Round.Number);
    }

    [Fact]
    public async Task Status_of_a_member_paused_into_next_year_names_the_year_of_their_round()
    {
        await _h.SetUpAsync("day:monday time:09:00 tz:UTC");
        await _h.JoinAsync("ana");
        TestData.Ok(await _h.RunAsync("ana", "/coffee pause until:2027-02-01"));

        var body = TestData.Ok(await _h.RunAsync("ana", "/coffee status")).Body;

        Assert.StartsWith("Next round: Monday 1 February 2027, 09:00 (UTC). You're paused until 1 February 2027.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_interrupted_by_a_crash_does_not_keep_a_due_slot_quiet()
    {
        await _h.SetUpAsync("day:monday time:09:00 tz:UTC");
        await _h.JoinAsync("ana", "bob");

        // The process dies right after taking the slot's marker, before it has read who is due.
        _h.Leases.AfterAcquire = name =>
        {
            if (name.StartsWith("coffee-quiet:", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("crash");
            }
        };
        await Assert.ThrowsAsync<InvalidOperationException>(() => FireAsync(Ninth));
        _h.Leases.AfterAcquire = null;

        // The restarted bot's five-minute catch-up runs the round for the members who were due.
        _h.Clock.SetUtcNow(Ninth.AddMinutes(6));
        await _h.GetService<RoundService>().CatchUpAsync(default);

        var round = Assert.Single(_h.Store.RoundsOf(CoreHarness.Community));
        Assert.Equal(1, round.Number);
        Assert.Single(round.Groups);
    }
}
