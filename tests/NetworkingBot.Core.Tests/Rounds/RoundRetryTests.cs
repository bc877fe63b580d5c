using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Rounds;

/// <summary>
/// Issue 16: a round whose planning or delivery fails on a store fault is retried within seconds (2 s, doubling,
/// at most 2 min a wait, for 10 min), not left to the five-minute catch-up; nothing goes out twice. Retries fire
/// on the fake clock at the instants the core asked the scheduler for.
/// </summary>
public sealed class RoundRetryTests : IDisposable
{
    private static readonly DateTimeOffset Slot = new(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = Slot.AddMinutes(1);
    private readonly RecordingLogger<RoundCompletion> _log = new();
    private readonly CoreHarness _h;
    private readonly FailingRoundStore _store;

    public RoundRetryTests()
    {
        _h = new CoreHarness(extra: s =>
        {
            s.AddSingleton(sp => new FailingRoundStore(sp.GetRequiredService<InMemoryStore>()));
            s.AddSingleton<IRoundStore>(sp => sp.GetRequiredService<FailingRoundStore>());
            s.AddSingleton<ILogger<RoundCompletion>>(_log);
        });
        _store = _h.GetService<FailingRoundStore>();
    }

    public void Dispose() => _h.Dispose();

    private static bool IsIntro(string key) => key.StartsWith("intro:", StringComparison.Ordinal);

    private async Task<RoundOutcome> ScheduledRoundAsync(params string[] users)
    {
        await _h.SetUpAsync("day:monday time:09:00 tz:UTC");
        await _h.JoinAsync(users);
        _h.Clock.SetUtcNow(Start);
        return await _h.GetService<RoundService>().RunScheduledAsync(CoreHarness.Community, Slot, default);
    }

    /// <summary>Fires every retry the core scheduled, each at its instant, as the host's trigger would; returns how many.</summary>
    private async Task<int> FireRetriesAsync()
    {
        var fired = 0;
        while (_h.Scheduler.Retries.Count > fired)
        {
            var retry = _h.Scheduler.Retries[fired++];
            _h.Clock.SetUtcNow(retry.At);
            await _h.GetService<RoundCompletion>().RetryAsync(retry, default);
        }

        return fired;
    }

    private void AssertEachSentOnce(params string[] users)
    {
        Assert.Single(_h.Messenger.ChannelPosts);
        Assert.All(users, u => Assert.Single(_h.Messenger.DirectTo(u)));
        Assert.Equal(_h.Messenger.Sent.Count, _h.Messenger.Sent.Select(m => m.DedupKey).Distinct().Count());
    }

    [Fact]
    public async Task A_store_failing_two_intro_records_then_working_delivers_within_seconds_each_intro_once()
    {
        _store.FailDeliveryRecords(2, IsIntro);

        var outcome = await ScheduledRoundAsync("ana", "bob", "cat", "dan");

        var retrying = Assert.IsType<RoundOutcome.Retrying>(outcome);
        Assert.Equal(Start.AddSeconds(2), retrying.NextAttempt);
        Assert.Equal(2, await FireRetriesAsync());
        Assert.Equal(2, _store.FailedWrites);
        Assert.Equal([Start.AddSeconds(2), Start.AddSeconds(6)], _h.Scheduler.Retries.Select(r => r.At));
        Assert.True(_h.Clock.GetUtcNow() - Start <= TimeSpan.FromSeconds(10), $"delivered {_h.Clock.GetUtcNow() - Start} after the fault");

        var round = Assert.Single(_h.Store.RoundsOf(CoreHarness.Community));
        Assert.Equal(RoundStatus.Delivered, round.Status);
        AssertEachSentOnce("ana", "bob", "cat", "dan");
        Assert.Equal(5, (await _store.GetDeliveriesAsync(round.RoundId)).Count);
        Assert.Equal(round.RoundId, Assert.Single(_h.Scheduler.CheckIns).RoundId);
        Assert.Equal(2, _log.Entries.Count(e => e.Level >= LogLevel.Warning)); // one line per failed attempt
    }

    [Fact]
    public async Task A_lasting_fault_is_retried_with_doubling_waits_then_left_to_the_catch_up()
    {
        _store.FailDeliveryRecords(int.MaxValue, IsIntro);

        Assert.IsType<RoundOutcome.Retrying>(await ScheduledRoundAsync("ana", "bob", "cat", "dan"));
        var fired = await FireRetriesAsync();

        var retries = _h.Scheduler.Retries;
        Assert.Equal(9, fired);
        Assert.Equal(Enumerable.Range(1, 9), retries.Select(r => r.Attempt));
        var waits = retries.Select((r, i) => (r.At - (i == 0 ? Start : retries[i - 1].At)).TotalSeconds);
        Assert.Equal([2, 4, 8, 16, 32, 64, 120, 120, 120], waits);
        Assert.All(retries, r => Assert.Equal(Start, r.Since));
        Assert.True(retries[^1].At - Start <= RoundRetry.GiveUpAfter);

        // Ten failed attempts, ten lines; the last says the catch-up takes over.
        var lines = _log.Entries.Where(e => e.Level >= LogLevel.Warning).ToList();
        Assert.Equal(10, lines.Count);
        Assert.Contains("five-minute catch-up keeps trying", lines[^1].Message, StringComparison.Ordinal);

        // What the platform accepted was never sent again while the store failed; the catch-up finishes the round.
        Assert.Single(_h.Messenger.ChannelPosts);
        Assert.Single(_h.Messenger.DirectMessages);
        _store.FailDeliveryRecords(0);
        _h.Clock.Advance(TimeSpan.FromMinutes(5));
        await _h.GetService<RoundService>().CatchUpAsync(default);

        Assert.Equal(RoundStatus.Delivered, Assert.Single(_h.Store.RoundsOf(CoreHarness.Community)).Status);
        AssertEachSentOnce("ana", "bob", "cat", "dan");
    }

    [Fact]
    public async Task Two_retries_due_at_once_for_one_round_deliver_once()
    {
        // A platform that takes real time to accept each message, so two unserialised retries would overlap.
        var accepted = new RecordingMessenger();
        await using var h = new CoreHarness(extra: s =>
        {
            s.AddSingleton(sp => new FailingRoundStore(sp.GetRequiredService<InMemoryStore>()));
            s.AddSingleton<IRoundStore>(sp => sp.GetRequiredService<FailingRoundStore>());
            s.AddSingleton<IMessenger>(new SlowMessenger(accepted, TimeSpan.FromMilliseconds(5)));
        });
        h.GetService<FailingRoundStore>().FailDeliveryRecords(1, IsIntro);
        await h.SetUpAsync("day:monday time:09:00 tz:UTC");
        await h.JoinAsync("ana", "bob", "cat", "dan", "eve", "fay");
        h.Clock.SetUtcNow(Start);
        Assert.IsType<RoundOutcome.Retrying>(await h.GetService<RoundService>().RunScheduledAsync(CoreHarness.Community, Slot, default));
        var retry = Assert.Single(h.Scheduler.Retries);
        h.Clock.SetUtcNow(retry.At);

        var both = await Task.WhenAll(
            Task.Run(() => h.GetService<RoundCompletion>().RetryAsync(retry, default)),
            Task.Run(() => h.GetService<RoundCompletion>().RetryAsync(retry, default)));

        Assert.All(both, o => Assert.Equal(RoundStatus.Delivered, Assert.IsType<RoundOutcome.Ran>(o).Round.Status));
        Assert.Single(accepted.ChannelPosts);
        Assert.All(new[] { "ana", "bob", "cat", "dan", "eve", "fay" }, u => Assert.Single(accepted.DirectTo(u)));
        Assert.Single(h.Scheduler.Retries);
        Assert.Single(h.Scheduler.CheckIns);
    }

    [Fact]
    public async Task A_retry_of_a_delivered_round_sends_nothing()
    {
        _store.FailDeliveryRecords(1, IsIntro);
        await ScheduledRoundAsync("ana", "bob");
        var retry = Assert.Single(_h.Scheduler.Retries);
        await FireRetriesAsync();
        var sent = _h.Messenger.Sent.Count;

        var again = await _h.GetService<RoundCompletion>().RetryAsync(retry, default);

        Assert.Equal(RoundStatus.Delivered, Assert.IsType<RoundOutcome.Ran>(again).Round.Status);
        Assert.Equal(sent, _h.Messenger.Sent.Count);
        Assert.Single(_h.Scheduler.CheckIns);
    }

    [Fact]
    public async Task Pair_now_answers_at_once_that_it_keeps_trying_and_the_retry_sends_the_rest()
    {
        await _h.SetUpAsync();
        await _h.JoinAsync("ana", "bob", "cat", "dan");
        _store.FailDeliveryRecords(1, IsIntro);

        var reply = TestData.Ok(await _h.RunAsync("org", "/coffee pair-now", organiser: true));

        Assert.Contains("Round 1 has started, but not everything could go out yet", reply.Text, StringComparison.Ordinal);
        Assert.Contains("I'll keep trying", reply.Text, StringComparison.Ordinal);
        Assert.Equal(1, await FireRetriesAsync());
        AssertEachSentOnce("ana", "bob", "cat", "dan");
    }

    [Fact]
    public async Task When_the_retry_cannot_be_scheduled_pair_now_says_the_catch_up_tries_again()
    {
        await _h.SetUpAsync();
        await _h.JoinAsync("ana", "bob");
        _store.FailDeliveryRecords(1, IsIntro);
        _h.Scheduler.FailRetries = true;

        var reply = TestData.Ok(await _h.RunAsync("org", "/coffee pair-now", organiser: true));

        Assert.Contains("The bot tries again within five minutes", reply.Text, StringComparison.Ordinal);
        Assert.Empty(_h.Scheduler.Retries);
        var line = Assert.Single(_log.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains("its retry could not be scheduled", line.Message, StringComparison.Ordinal);
    }
}
