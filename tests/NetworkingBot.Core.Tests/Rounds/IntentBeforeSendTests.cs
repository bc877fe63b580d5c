using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Rounds;

/// <summary>
/// Issue 16: each message of a round has its intent stored before it is sent, and a resume asks the platform about a
/// message with an intent but no delivery record before sending it again. The recording messenger plays the platform:
/// it can accept a message and lose the answer, and answers the look-up from what it accepted.
/// </summary>
public sealed class IntentBeforeSendTests : IDisposable
{
    private static readonly DateTimeOffset Slot = new(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = Slot.AddMinutes(1);
    private static readonly string[] Members = ["ana", "bob", "cat", "dan"];
    private readonly RecordingLogger<RoundDelivery> _log = new();
    private readonly CoreHarness _h;
    private readonly FailingRoundStore _store;

    public IntentBeforeSendTests()
    {
        _h = new CoreHarness(extra: s =>
        {
            s.AddSingleton(sp => new FailingRoundStore(sp.GetRequiredService<InMemoryStore>()));
            s.AddSingleton<IRoundStore>(sp => sp.GetRequiredService<FailingRoundStore>());
            s.AddSingleton<ILogger<RoundDelivery>>(_log);
        });
        _store = _h.GetService<FailingRoundStore>();
    }

    public void Dispose() => _h.Dispose();

    private static bool IntroTo(OutboundMessage m, string user) => m.Kind == MessageKind.Direct && m.UserId == user;

    private async Task<RoundOutcome> ScheduledRoundAsync()
    {
        await _h.SetUpAsync("day:monday time:09:00 tz:UTC");
        await _h.JoinAsync(Members);
        _h.Clock.SetUtcNow(Start);
        return await _h.GetService<RoundService>().RunScheduledAsync(CoreHarness.Community, Slot, default);
    }

    private async Task FireRetriesAsync()
    {
        for (var fired = 0; fired < _h.Scheduler.Retries.Count; fired++)
        {
            var retry = _h.Scheduler.Retries[fired];
            _h.Clock.SetUtcNow(retry.At);
            await _h.GetService<RoundCompletion>().RetryAsync(retry, default);
        }
    }

    private static void AssertEachSentOnce(RecordingMessenger messenger)
    {
        Assert.Single(messenger.ChannelPosts);
        Assert.All(Members, u => Assert.Single(messenger.DirectTo(u)));
        Assert.Equal(messenger.Sent.Count, messenger.Sent.Select(m => m.DedupKey).Distinct().Count());
    }

    [Fact]
    public async Task An_intro_the_platform_accepted_whose_answer_was_lost_is_found_on_the_platform_and_not_sent_again()
    {
        _h.Messenger.LoseAnswers(1, m => IntroTo(m, "bob"));

        Assert.IsType<RoundOutcome.Retrying>(await ScheduledRoundAsync());
        await FireRetriesAsync();

        var round = Assert.Single(_h.Store.RoundsOf(CoreHarness.Community));
        Assert.Equal(RoundStatus.Delivered, round.Status);
        AssertEachSentOnce(_h.Messenger);
        Assert.Equal([$"{round.RoundId}:intro:bob"], _h.Messenger.Lookups);
        Assert.Contains("intro:bob", await _h.Store.GetDeliveriesAsync(round.RoundId));
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("not sent again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_process_that_died_between_the_send_and_its_record_is_resumed_by_a_new_one_without_a_duplicate()
    {
        // The platform accepts cat's intro, the record write fails, and the process dies before any retry: what it
        // remembered in memory (AcceptedDeliveries) dies with it; only the store and the platform remain.
        _store.FailDeliveryRecords(1, key => key == "intro:cat");
        Assert.IsType<RoundOutcome.Retrying>(await ScheduledRoundAsync());
        Assert.Single(_h.Messenger.DirectTo("cat"));

        await using var restarted = new CoreHarness(start: Start.AddMinutes(1), extra: s =>
        {
            s.AddSingleton(_h.Store);
            s.AddSingleton<IMemberStore>(_h.Store);
            s.AddSingleton<ICoffeeScheduleStore>(_h.Store);
            s.AddSingleton<IRoundStore>(_h.Store);
            s.AddSingleton<IMessenger>(_h.Messenger);
        });
        await restarted.GetService<RoundService>().CatchUpAsync(default);

        var round = Assert.Single(_h.Store.RoundsOf(CoreHarness.Community));
        Assert.Equal(RoundStatus.Delivered, round.Status);
        AssertEachSentOnce(_h.Messenger);
        Assert.Equal([$"{round.RoundId}:intro:cat"], _h.Messenger.Lookups);
    }

    [Fact]
    public async Task An_intent_whose_send_the_platform_never_accepted_is_sent_on_resume()
    {
        _h.Messenger.FailAfter(2); // the announcement and one intro go out; the next send is refused, not accepted

        Assert.IsType<RoundOutcome.Retrying>(await ScheduledRoundAsync());
        _h.Messenger.StopFailing();
        await FireRetriesAsync();

        var round = Assert.Single(_h.Store.RoundsOf(CoreHarness.Community));
        Assert.Equal(RoundStatus.Delivered, round.Status);
        AssertEachSentOnce(_h.Messenger);
        var looked = Assert.Single(_h.Messenger.Lookups);
        Assert.StartsWith($"{round.RoundId}:intro:", looked, StringComparison.Ordinal);
        Assert.Contains(_log.Entries, e => e.Message.Contains("the platform does not have it; sending it now", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_the_platform_cannot_tell_the_message_is_sent_again_so_nobody_is_left_out()
    {
        _h.Messenger.LookupAnswer = SentLookup.Unknown;
        _h.Messenger.LoseAnswers(1, m => IntroTo(m, "bob"));

        Assert.IsType<RoundOutcome.Retrying>(await ScheduledRoundAsync());
        await FireRetriesAsync();

        // Without a read-back the only defence left is the platform's own (a nonce): the bot sends rather than skip.
        Assert.Equal(2, _h.Messenger.DirectTo("bob").Count);
        Assert.All(Members.Where(u => u != "bob"), u => Assert.Single(_h.Messenger.DirectTo(u)));
        Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("platform cannot say", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_check_in_whose_answer_was_lost_takes_the_same_path_and_is_not_sent_again()
    {
        Assert.IsType<RoundOutcome.Ran>(await ScheduledRoundAsync());
        var round = Assert.Single(_h.Store.RoundsOf(CoreHarness.Community));
        _h.Clock.SetUtcNow(round.CheckInAt);
        _h.Messenger.LoseAnswers(1, m => m.DedupKey == $"{round.RoundId}:checkin:cat");

        await Assert.ThrowsAsync<TimeoutException>(() => _h.GetService<CheckInService>().SendAsync(round.RoundId, default));
        await _h.GetService<CheckInService>().SendAsync(round.RoundId, default);

        Assert.All(Members, u => Assert.Single(_h.Messenger.DirectTo(u), m => m.DedupKey.Contains(":checkin:", StringComparison.Ordinal)));
        Assert.Equal([$"{round.RoundId}:checkin:cat"], _h.Messenger.Lookups);
        Assert.Equal(RoundStatus.CheckInSent, Assert.Single(_h.Store.RoundsOf(CoreHarness.Community)).Status);
    }

    [Fact]
    public async Task A_delivery_that_runs_through_records_every_intent_first_and_reads_nothing_back()
    {
        Assert.IsType<RoundOutcome.Ran>(await ScheduledRoundAsync());

        var round = Assert.Single(_h.Store.RoundsOf(CoreHarness.Community));
        AssertEachSentOnce(_h.Messenger);
        Assert.Empty(_h.Messenger.Lookups);
        Assert.Equal(
            (await _h.Store.GetDeliveriesAsync(round.RoundId)).Order(StringComparer.Ordinal),
            _h.Store.IntentsOf(round.RoundId).Order(StringComparer.Ordinal));
    }
}
