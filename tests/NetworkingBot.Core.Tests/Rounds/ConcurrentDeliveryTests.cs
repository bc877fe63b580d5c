using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Rounds;

/// <summary>
/// Issue 18: a round's messages go out several at a time (the platform's limiter paces them), and the exactly-once
/// design of issue 16 (intent before send, look-up on resume) holds with sends overlapping.
/// </summary>
public sealed class ConcurrentDeliveryTests : IDisposable
{
    private static readonly DateTimeOffset Slot = new(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Members = [.. Enumerable.Range(1, 30).Select(i => $"m{i:00}")];
    private readonly CoreHarness _h;
    private readonly OverlappingMessenger _platform;

    public ConcurrentDeliveryTests()
    {
        _platform = new OverlappingMessenger(new RecordingMessenger());
        _h = new CoreHarness(extra: s => s.AddSingleton<IMessenger>(_platform));
    }

    public void Dispose() => _h.Dispose();

    private async Task<RoundOutcome> ScheduledRoundAsync()
    {
        await _h.SetUpAsync("day:monday time:09:00 tz:UTC");
        await _h.JoinAsync(Members);
        _h.Clock.SetUtcNow(Slot.AddMinutes(1));
        return await _h.GetService<RoundService>().RunScheduledAsync(CoreHarness.Community, Slot, default);
    }

    private void AssertEachKeySentOnce()
    {
        var sent = _platform.Inner.Sent;
        Assert.Single(_platform.Inner.ChannelPosts);
        Assert.All(Members, u => Assert.Single(_platform.Inner.DirectTo(u)));
        Assert.Equal(sent.Count, sent.Select(m => m.DedupKey).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Intros_are_in_flight_together_and_each_goes_out_once()
    {
        // The first eight intros wait for each other (the announcement goes first, alone): one at a time, the eighth would never start and the wait times out.
        _platform.HoldUntilInFlight(8);

        Assert.IsType<RoundOutcome.Ran>(await ScheduledRoundAsync());

        AssertEachKeySentOnce();
        Assert.InRange(_platform.MostInFlight, 8, RoundDelivery.MaxSendsInFlight);
        Assert.Equal(RoundStatus.Delivered, Assert.Single(_h.Store.RoundsOf(CoreHarness.Community)).Status);
    }

    [Fact]
    public async Task A_concurrent_delivery_whose_answers_are_lost_resumes_without_sending_any_key_twice()
    {
        // Six intros are accepted by the platform while their answers are lost, with other sends overlapping them; each
        // lost one stops the run, and the retries find them on the platform instead of sending them again.
        _platform.Inner.LoseAnswers(6, m => m.Kind == MessageKind.Direct);

        Assert.IsType<RoundOutcome.Retrying>(await ScheduledRoundAsync());
        for (var fired = 0; fired < _h.Scheduler.Retries.Count; fired++)
        {
            var retry = _h.Scheduler.Retries[fired];
            _h.Clock.SetUtcNow(retry.At);
            await _h.GetService<RoundCompletion>().RetryAsync(retry, default);
        }

        Assert.Equal(RoundStatus.Delivered, Assert.Single(_h.Store.RoundsOf(CoreHarness.Community)).Status);
        AssertEachKeySentOnce();
        Assert.Equal(6, _platform.Inner.Lookups.Count);
        Assert.True(_platform.MostInFlight > 1, "the sends overlapped");
    }

    /// <summary>
    /// A platform whose every send completes asynchronously (as over a network), counting how many are in flight; it can
    /// hold the first intros until a number of them are in flight at once.
    /// </summary>
    private sealed class OverlappingMessenger(RecordingMessenger inner) : IMessenger
    {
        private readonly TaskCompletionSource _allIn = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inFlight;
        private int _mostInFlight;
        private int _hold;

        public RecordingMessenger Inner => inner;

        public int MostInFlight => Volatile.Read(ref _mostInFlight);

        public void HoldUntilInFlight(int count) => _hold = count;

        public bool SupportsGroups(string communityId) => inner.SupportsGroups(communityId);

        public Task<SentLookup> FindSentAsync(OutboundMessage message, CancellationToken cancellationToken = default) =>
            inner.FindSentAsync(message, cancellationToken);

        public async Task SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
        {
            var now = Interlocked.Increment(ref _inFlight);
            try
            {
                int most;
                while (now > (most = Volatile.Read(ref _mostInFlight)) && Interlocked.CompareExchange(ref _mostInFlight, now, most) != most)
                {
                }

                if (_hold > 0 && message.Kind == MessageKind.Direct)
                {
                    if (now >= _hold)
                    {
                        _allIn.TrySetResult();
                    }

                    await _allIn.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
                }
                else
                {
                    await Task.Yield();
                }

                await inner.SendAsync(message, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
