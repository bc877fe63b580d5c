using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Pairing;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Rounds;

/// <summary>
/// One community whose round fails during the catch-up (here its pairing throws) never keeps the catch-up from
/// the communities after it: each is logged and left to the next pass.
/// </summary>
public sealed class CatchUpIsolationTests : IDisposable
{
    private const string Broken = "console:broken";
    private const string Healthy = "console:healthy";
    private static readonly DateTimeOffset Ninth = new(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);
    private readonly CoreHarness _h = new(new ThrowsWhenPresent("boom"));

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_community_whose_round_fails_does_not_stop_the_catch_up_of_the_next()
    {
        // The broken community is set up first, so the catch-up meets it first.
        await SetUpAndJoinAsync(Broken, "boom", "ana");
        await SetUpAndJoinAsync(Healthy, "bob", "cat");

        _h.Clock.SetUtcNow(Ninth.AddMinutes(10));
        await _h.GetService<RoundService>().CatchUpAsync(default);

        var round = Assert.Single(_h.Store.RoundsOf(Healthy));
        Assert.Equal(RoundStatus.Delivered, round.Status);
        Assert.Contains(_h.Messenger.DirectMessages, m => m.CommunityId == Healthy);
        Assert.DoesNotContain(_h.Messenger.Sent, m => m.CommunityId == Broken);
    }

    private async Task SetUpAndJoinAsync(string community, params string[] users)
    {
        TestData.Ok(await _h.Dispatcher.DispatchAsync(CoreHarness.Context("org", organiser: true, community: community), "/coffee setup day:monday time:09:00 tz:UTC"));
        foreach (var user in users)
        {
            TestData.Ok(await _h.Dispatcher.DispatchAsync(CoreHarness.Context(user, community: community), "/coffee join tz:UTC"));
        }
    }

    /// <summary>Pairs in order, but fails like a bug would when a given member is in the round.</summary>
    private sealed class ThrowsWhenPresent(string userId) : IPairingEngine
    {
        private readonly InOrderPairingEngine _inner = new();

        public PairingPlan Plan(PairingRequest request) =>
            request.Members.Any(m => m.UserId == userId) ? throw new InvalidOperationException("pairing failed") : _inner.Plan(request);
    }
}
