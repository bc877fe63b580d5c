using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Rounds;

/// <summary>
/// Issue 16 item 2: planning is atomic with its bookkeeping. A round whose plan could not be saved (a full disk)
/// is resumed by planning again, so every member placed gets their LastRoundAt and a used "skip next round" is
/// used up: the skipper sits out this round only, not the next one too.
/// </summary>
public sealed class PlanBookkeepingTests : IDisposable
{
    private static readonly DateTimeOffset Slot = new(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Placed = ["ana", "bob", "cat", "dan", "fay"];
    private static readonly string[] Everyone = [.. Placed, "eve"];
    private readonly CoreHarness _h;
    private readonly FailingRoundStore _store;

    public PlanBookkeepingTests()
    {
        _h = new CoreHarness(extra: s =>
        {
            s.AddSingleton(sp => new FailingRoundStore(sp.GetRequiredService<InMemoryStore>()));
            s.AddSingleton<IRoundStore>(sp => sp.GetRequiredService<FailingRoundStore>());
        });
        _store = _h.GetService<FailingRoundStore>();
    }

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_plan_save_failing_once_is_resumed_with_every_members_bookkeeping_and_the_skipper_back_next_round()
    {
        await _h.SetUpAsync("day:monday time:09:00 tz:UTC");
        await _h.JoinAsync(Everyone);
        TestData.Ok(await _h.RunAsync("eve", "/coffee skip"));
        var before = Everyone.ToDictionary(u => u, Stored);
        _store.FailPlanSaves(1);
        _h.Clock.SetUtcNow(Slot.AddMinutes(1));

        var outcome = await _h.GetService<RoundService>().RunScheduledAsync(CoreHarness.Community, Slot, default);

        // The failed save left the round claimed and nobody's bookkeeping half done; nothing went out.
        Assert.IsType<RoundOutcome.Retrying>(outcome);
        Assert.Equal(1, _store.FailedPlanSaves);
        Assert.Equal(RoundStatus.Claimed, Assert.Single(_h.Store.RoundsOf(CoreHarness.Community)).Status);
        Assert.Empty(_h.Messenger.Sent);
        Assert.All(Everyone, u => Assert.Equal(before[u], Stored(u)));

        var retry = Assert.Single(_h.Scheduler.Retries);
        _h.Clock.SetUtcNow(retry.At);
        Assert.IsType<RoundOutcome.Ran>(await _h.GetService<RoundCompletion>().RetryAsync(retry, default));

        var first = Assert.Single(_h.Store.RoundsOf(CoreHarness.Community));
        Assert.Equal(RoundStatus.Delivered, first.Status);
        Assert.Equal(Placed, first.Groups.SelectMany(g => g.Members).Order(StringComparer.Ordinal));
        Assert.All(Placed, u => Assert.Equal(Slot, Stored(u).LastRoundAt));
        Assert.All(Placed, u => Assert.False(Stored(u).SkipNext));
        var eve = Stored("eve");
        Assert.False(eve.SkipNext);
        Assert.Null(eve.LastRoundAt);

        // The next week's round: the skip was used up, so eve takes part.
        var nextSlot = Slot.AddDays(7);
        _h.Clock.SetUtcNow(nextSlot.AddMinutes(1));
        var next = Assert.IsType<RoundOutcome.Ran>(await _h.GetService<RoundService>().RunScheduledAsync(CoreHarness.Community, nextSlot, default));

        Assert.Contains("eve", next.Round.Groups.SelectMany(g => g.Members));
        Assert.Equal(nextSlot, Stored("eve").LastRoundAt);
    }

    private Member Stored(string user) => _h.Store.MemberOf(CoreHarness.Community, user)!;
}
