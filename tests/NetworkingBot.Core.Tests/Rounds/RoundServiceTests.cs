using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Rounds;

public sealed class RoundServiceTests : IDisposable
{
    private static readonly DateTimeOffset Slot = new(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    private async Task ReadyAsync(params string[] users)
    {
        await _h.SetUpAsync("day:monday time:09:00 tz:UTC");
        await _h.JoinAsync(users);
    }

    private void AssertDeliveredOnce(params string[] users)
    {
        Assert.Single(_h.Messenger.ChannelPosts);
        foreach (var user in users)
        {
            Assert.Single(_h.Messenger.DirectTo(user));
        }
    }

    [Fact]
    public async Task Same_slot_twice_runs_once()
    {
        await ReadyAsync("ana", "bob", "cat", "dan");
        _h.Clock.SetUtcNow(Slot.AddMinutes(1));

        var first = await _h.GetService<RoundService>().RunScheduledAsync(CoreHarness.Community, Slot, default);
        var second = await _h.GetService<RoundService>().RunScheduledAsync(CoreHarness.Community, Slot, default);

        var ran = Assert.IsType<RoundOutcome.Ran>(first);
        Assert.Equal(1, ran.Round.Number);
        Assert.Equal(RoundStatus.Delivered, ran.Round.Status);
        Assert.IsType<RoundOutcome.AlreadyClaimed>(second);
        Assert.Single(_h.Store.RoundsOf(CoreHarness.Community));
        AssertDeliveredOnce("ana", "bob", "cat", "dan");
        Assert.Equal(ran.Round.RoundId, Assert.Single(_h.Scheduler.CheckIns).RoundId);
    }

    [Fact]
    public async Task Slot_beyond_the_grace_period_is_too_late()
    {
        await ReadyAsync("ana", "bob");
        _h.Clock.SetUtcNow(Slot.AddHours(12).AddMinutes(1));

        var outcome = await _h.GetService<RoundService>().RunScheduledAsync(CoreHarness.Community, Slot, default);

        Assert.Equal(Slot, Assert.IsType<RoundOutcome.TooLate>(outcome).Slot);
        Assert.Empty(_h.Store.RoundsOf(CoreHarness.Community));
        Assert.Empty(_h.Messenger.Sent);
    }

    [Fact]
    public async Task Without_a_program_nothing_runs()
    {
        await _h.JoinAsync("ana", "bob");
        Assert.IsType<RoundOutcome.NotConfigured>(await _h.GetService<RoundService>().RunScheduledAsync(CoreHarness.Community, Slot, default));
        Assert.IsType<RoundOutcome.NotConfigured>(await _h.GetService<RoundService>().RunNowAsync(CoreHarness.Community, default));
        Assert.Empty(_h.Messenger.Sent);
    }

    [Fact]
    public async Task Catch_up_runs_a_missed_slot_within_grace_once()
    {
        await ReadyAsync("ana", "bob", "cat");
        _h.Clock.SetUtcNow(Slot.AddHours(3));

        await _h.GetService<RoundService>().CatchUpAsync(default);
        await _h.GetService<RoundService>().CatchUpAsync(default);

        var round = Assert.Single(_h.Store.RoundsOf(CoreHarness.Community));
        Assert.Equal(Slot, round.ScheduledFor);
        Assert.Equal(RoundIds.ScheduledSlot(Slot), round.SlotKey);
        AssertDeliveredOnce("ana", "bob", "cat");
    }

    [Fact]
    public async Task Catch_up_owes_no_round_for_a_slot_before_the_program_was_set_up()
    {
        _h.Clock.SetUtcNow(Slot.AddHours(1));
        await ReadyAsync("ana", "bob");
        _h.Clock.SetUtcNow(Slot.AddHours(3));

        await _h.GetService<RoundService>().CatchUpAsync(default);

        Assert.Empty(_h.Store.RoundsOf(CoreHarness.Community));
        Assert.Empty(_h.Messenger.Sent);
    }

    [Fact]
    public async Task Catch_up_leaves_a_slot_beyond_grace_alone()
    {
        await ReadyAsync("ana", "bob");
        _h.Clock.SetUtcNow(Slot.AddHours(13));

        await _h.GetService<RoundService>().CatchUpAsync(default);

        Assert.Empty(_h.Store.RoundsOf(CoreHarness.Community));
        Assert.Empty(_h.Messenger.Sent);
    }

    [Fact]
    public async Task Interrupted_delivery_resumes_without_duplicates()
    {
        await ReadyAsync("ana", "bob", "cat", "dan", "eve");
        _h.Clock.SetUtcNow(Slot.AddMinutes(1));
        _h.Messenger.FailAfter(3);

        // The failure is answered as a value; its quick retries are RoundRetryTests' subject, the catch-up is this test's.
        Assert.IsType<RoundOutcome.Retrying>(await _h.GetService<RoundService>().RunScheduledAsync(CoreHarness.Community, Slot, default));
        Assert.Equal(3, _h.Messenger.Sent.Count);
        Assert.Equal(RoundStatus.Planned, Assert.Single(_h.Store.RoundsOf(CoreHarness.Community)).Status);

        _h.Messenger.StopFailing();
        _h.Clock.Advance(TimeSpan.FromMinutes(5));
        await _h.GetService<RoundService>().CatchUpAsync(default);
        await _h.GetService<RoundService>().CatchUpAsync(default);

        var round = Assert.Single(_h.Store.RoundsOf(CoreHarness.Community));
        Assert.Equal(RoundStatus.Delivered, round.Status);
        AssertDeliveredOnce("ana", "bob", "cat", "dan", "eve");
        Assert.Equal(6, _h.Messenger.Sent.Count);
        Assert.Equal(_h.Messenger.Sent.Count, _h.Messenger.Sent.Select(m => m.DedupKey).Distinct().Count());
    }

    [Fact]
    public async Task A_skip_is_consumed_by_the_round_and_paused_members_are_left_out()
    {
        await ReadyAsync("ana", "bob", "cat", "dan");
        TestData.Ok(await _h.RunAsync("ana", "/coffee skip"));
        TestData.Ok(await _h.RunAsync("bob", "/coffee pause weeks:2"));
        _h.Clock.SetUtcNow(Slot.AddMinutes(1));

        var round = Assert.IsType<RoundOutcome.Ran>(await _h.GetService<RoundService>().RunScheduledAsync(CoreHarness.Community, Slot, default)).Round;

        Assert.Equal(["cat", "dan"], Assert.Single(round.Groups).Members);
        Assert.Empty(_h.Messenger.DirectTo("ana"));
        Assert.Empty(_h.Messenger.DirectTo("bob"));
        Assert.False(_h.Store.MemberOf(CoreHarness.Community, "ana")!.SkipNext);
        Assert.Null(_h.Store.MemberOf(CoreHarness.Community, "ana")!.LastRoundAt);
        Assert.Equal(Slot, _h.Store.MemberOf(CoreHarness.Community, "cat")!.LastRoundAt);

        var next = Slot.AddDays(7);
        _h.Clock.SetUtcNow(next.AddMinutes(1));
        var second = Assert.IsType<RoundOutcome.Ran>(await _h.GetService<RoundService>().RunScheduledAsync(CoreHarness.Community, next, default)).Round;
        Assert.Equal(["ana", "cat", "dan"], Assert.Single(second.Groups).Members);
    }

    [Fact]
    public async Task A_single_eligible_member_is_told_so_not_dropped()
    {
        await ReadyAsync("ana");
        _h.Clock.SetUtcNow(Slot.AddMinutes(1));

        var round = Assert.IsType<RoundOutcome.Ran>(await _h.GetService<RoundService>().RunScheduledAsync(CoreHarness.Community, Slot, default)).Round;

        Assert.Empty(round.Groups);
        Assert.Equal(["ana"], round.Unmatched);
        Assert.Contains("only you were free", Assert.Single(_h.Messenger.DirectTo("ana")).Text, StringComparison.Ordinal);
    }
}
