using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Leases;
using NetworkingBot.Testing;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Leases;

/// <summary>
/// Issue 16: a lease that vanishes while held (expired during a pause, or erased when the store lost its data)
/// cancels <see cref="CommunityLock.Lost"/>, and the round delivery it guarded stops before its next send, since
/// another instance may now hold the lease and deliver the same round.
/// </summary>
public sealed class LeaseLostTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan QuickRenewals = TimeSpan.FromMilliseconds(20);

    private static readonly DateTimeOffset Slot = new(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Four members of a weekly program, the clock just past its slot, with quick renewals and <paramref name="messenger"/>.</summary>
    private static async Task<CoreHarness> FourMembersAtTheSlotAsync(LeaseErasingMessenger messenger)
    {
        var h = new CoreHarness(extra: s =>
        {
            s.AddSingleton<IMessenger>(messenger);
            s.AddSingleton(sp => new CommunityLocks(sp.GetRequiredService<ILeaseStore>(), NullLogger<CommunityLocks>.Instance) { RenewEvery = QuickRenewals });
        });
        messenger.Leases = h.Leases;
        await h.SetUpAsync("day:monday time:09:00 tz:UTC");
        await h.JoinAsync("ana", "bob", "cat", "dan");
        h.Clock.SetUtcNow(Slot.AddMinutes(1));
        return h;
    }

    [Fact]
    public async Task A_lease_erased_while_held_cancels_the_holders_token()
    {
        var leases = new InMemoryLeaseStore();
        var locks = new CommunityLocks(leases, NullLogger<CommunityLocks>.Instance) { RenewEvery = QuickRenewals };
        await using var held = await locks.AcquireAsync("console:c", CancellationToken.None);
        var lost = new TaskCompletionSource();
        using var signal = held.Lost.Register(lost.SetResult);
        Assert.False(held.Lost.IsCancellationRequested);

        leases.Erase("lock:console:c");

        await lost.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_lease_kept_by_its_renewals_is_not_reported_lost()
    {
        var leases = new InMemoryLeaseStore();
        var locks = new CommunityLocks(leases, NullLogger<CommunityLocks>.Instance) { RenewEvery = QuickRenewals };
        await using var held = await locks.AcquireAsync("console:c", CancellationToken.None);

        // Another instance keeps being refused while renewals go on: the lease is still this holder's, so not lost.
        var other = new CommunityLocks(leases, NullLogger<CommunityLocks>.Instance);
        using var stop = new CancellationTokenSource();
        var waiting = other.AcquireAsync("console:c", stop.Token);
        await Eventually.TrueAsync(() => leases.Refusals >= 3);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));

        Assert.False(held.Lost.IsCancellationRequested);
    }

    [Fact]
    public async Task The_token_the_guarded_work_runs_on_ends_with_the_callers_token_or_with_the_lease()
    {
        var leases = new InMemoryLeaseStore();
        var locks = new CommunityLocks(leases, NullLogger<CommunityLocks>.Instance) { RenewEvery = QuickRenewals };
        using var caller = new CancellationTokenSource();
        await using (var held = await locks.AcquireAsync("console:a", caller.Token))
        {
            Assert.False(held.Token.IsCancellationRequested);
            await caller.CancelAsync();
            Assert.True(held.Token.IsCancellationRequested);
            Assert.False(held.Lost.IsCancellationRequested);
        }

        await using var other = await locks.AcquireAsync("console:b", CancellationToken.None);
        var ended = new TaskCompletionSource();
        using var signal = other.Token.Register(ended.SetResult);
        leases.Erase("lock:console:b");
        await ended.Task.WaitAsync(Patience);
        Assert.True(other.Lost.IsCancellationRequested);
    }

    [Fact]
    public async Task Check_ins_whose_lease_vanishes_midway_send_nothing_after_the_loss()
    {
        var messenger = new LeaseErasingMessenger { ErasesOn = m => m.DedupKey.Contains(":checkin:", StringComparison.Ordinal) };
        using var h = await FourMembersAtTheSlotAsync(messenger);
        Assert.IsType<RoundOutcome.Ran>(await h.GetService<RoundService>().RunScheduledAsync(CoreHarness.Community, Slot, default).WaitAsync(Patience));
        var round = Assert.Single(h.Store.RoundsOf(CoreHarness.Community));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.GetService<CheckInService>().SendAsync(round.RoundId, default).WaitAsync(Patience));

        // The first check-in was in flight when the lease went; none followed it, and the round is not marked sent.
        Assert.Single(messenger.Sent, m => m.DedupKey.Contains(":checkin:", StringComparison.Ordinal));
        Assert.Equal(RoundStatus.Delivered, Assert.Single(h.Store.RoundsOf(CoreHarness.Community)).Status);
    }

    [Fact]
    public async Task A_round_whose_lease_vanishes_mid_delivery_sends_nothing_after_the_loss()
    {
        var messenger = new LeaseErasingMessenger();
        using var h = await FourMembersAtTheSlotAsync(messenger);

        var outcome = await h.GetService<RoundService>().RunScheduledAsync(CoreHarness.Community, Slot, default).WaitAsync(Patience);

        // The announcement went out; the loss was seen while it was in flight; no intro followed it.
        Assert.IsType<RoundOutcome.Retrying>(outcome);
        var only = Assert.Single(messenger.Sent);
        Assert.Equal(MessageKind.Channel, only.Kind);
        Assert.Equal(RoundStatus.Planned, Assert.Single(h.Store.RoundsOf(CoreHarness.Community)).Status);
    }

    /// <summary>
    /// A platform that accepts the first message slowly: while it is in flight the community's lease is erased, and
    /// the send returns (accepted) only once the holder's token says the lease is gone.
    /// </summary>
    private sealed class LeaseErasingMessenger : IMessenger
    {
        private readonly List<OutboundMessage> _sent = [];

        public InMemoryLeaseStore? Leases { get; set; }

        /// <summary>Which message is accepted slowly while the lease is erased: by default the first one sent.</summary>
        public Func<OutboundMessage, bool>? ErasesOn { get; init; }

        public IReadOnlyList<OutboundMessage> Sent
        {
            get
            {
                lock (_sent)
                {
                    return [.. _sent];
                }
            }
        }

        public async Task SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
        {
            bool first;
            lock (_sent)
            {
                cancellationToken.ThrowIfCancellationRequested();
                first = ErasesOn is { } erases ? erases(message) && !_sent.Any(erases) : _sent.Count == 0;
                _sent.Add(message);
            }

            if (first)
            {
                Leases!.Erase("lock:" + CoreHarness.Community);
                var lost = new TaskCompletionSource();
                using (cancellationToken.Register(lost.SetResult))
                {
                    await lost.Task.WaitAsync(Patience, CancellationToken.None);
                }
            }
        }
    }
}
