using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Rounds;

/// <summary>
/// Issue 16: a send the interrupted attempt already had on the wire can land after the resume asked the platform.
/// With <see cref="CoffeeOptions.ResendGrace"/> the resume asks again after the grace and finds it; without it, the
/// same late landing is a duplicate (the contrast shows the test can fail for the reason it names).
/// </summary>
public sealed class ResendGraceTests
{
    private static readonly DateTimeOffset Slot = new(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(50, 1)]
    [InlineData(0, 2)]
    public async Task An_intro_that_lands_after_the_first_look_up_is_found_after_the_grace_and_not_sent_again(int graceMs, int introsToBob)
    {
        var platform = new LateLandingMessenger("bob");
        using var h = new CoreHarness(extra: s =>
        {
            s.AddSingleton<IMessenger>(platform);
            s.Configure<CoffeeOptions>(o => o.ResendGrace = TimeSpan.FromMilliseconds(graceMs));
        });
        await h.SetUpAsync("day:monday time:09:00 tz:UTC");
        await h.JoinAsync("ana", "bob", "cat", "dan");
        h.Clock.SetUtcNow(Slot.AddMinutes(1));

        // The intro to bob goes on the wire and the connection drops before any answer: the round will retry.
        Assert.IsType<RoundOutcome.Retrying>(await h.GetService<RoundService>().RunScheduledAsync(CoreHarness.Community, Slot, default));
        foreach (var retry in h.Scheduler.Retries.ToList())
        {
            h.Clock.SetUtcNow(retry.At);
            await h.GetService<RoundCompletion>().RetryAsync(retry, default);
        }

        Assert.Equal(RoundStatus.Delivered, Assert.Single(h.Store.RoundsOf(CoreHarness.Community)).Status);
        Assert.Equal(introsToBob, platform.Accepted.Count(m => m.UserId == "bob"));
    }

    /// <summary>
    /// A platform whose first send to <paramref name="lateUser"/> fails on the client's side while the request is still
    /// travelling: it lands only after the first look-up has answered "not there".
    /// </summary>
    private sealed class LateLandingMessenger(string lateUser) : IMessenger
    {
        private readonly Lock _gate = new();
        private OutboundMessage? _onTheWire;

        public List<OutboundMessage> Accepted { get; } = [];

        public Task SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
        {
            lock (_gate)
            {
                if (message.UserId == lateUser && _onTheWire is null && !Accepted.Any(m => m.DedupKey == message.DedupKey))
                {
                    _onTheWire = message;
                    throw new HttpRequestException("the connection dropped before the platform answered");
                }

                Accepted.Add(message);
            }

            return Task.CompletedTask;
        }

        public Task<SentLookup> FindSentAsync(OutboundMessage message, CancellationToken cancellationToken = default)
        {
            lock (_gate)
            {
                var found = Accepted.Any(m => m.DedupKey == message.DedupKey) ? SentLookup.Sent : SentLookup.NotSent;
                if (_onTheWire is { } late && late.DedupKey == message.DedupKey)
                {
                    Accepted.Add(late); // it lands just after this answer left
                    _onTheWire = null;
                }

                return Task.FromResult(found);
            }
        }
    }
}
