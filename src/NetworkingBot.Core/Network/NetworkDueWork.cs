using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Leases;

namespace NetworkingBot.Core.Network;

/// <summary>
/// Sends the follow-up nudges that are due, at most one message a member a day. Each nudge is taken out of the store
/// before anything is sent (<see cref="INetworkStore.TakeNudgesAsync"/>), so it goes out once across overlapping
/// runs and instances; the day's one message is a lease per member and local day, so a second instance or a second
/// pass the same day postpones instead of sending again. A nudge missed while the bot was down goes out at the next
/// pass if it still makes sense (a thank-you only within three days of the meeting).
/// </summary>
public sealed class NetworkDueWork(
    INetworkStore store,
    INetworkDirectory directory,
    ILeaseStore leases,
    IMessenger messenger,
    TimeProvider time,
    ILogger<NetworkDueWork> logger,
    IUsefulLeadFinder? leadFinder = null) : IDueWork
{
    private const int Batch = 500;
    private const int OwnersPerTake = 25;
    private static readonly TimeSpan DayMarker = TimeSpan.FromDays(2);
    private static readonly TimeSpan ThankYouStaleAfter = TimeSpan.FromDays(3);

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        await store.ListDueNudgesAsync(DateTimeOffset.MaxValue, 1, cancellationToken).ConfigureAwait(false) is [var first, ..] ? first.DueAt : null;

    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        while (true)
        {
            var due = await store.ListDueNudgesAsync(now, Batch, cancellationToken).ConfigureAwait(false);
            foreach (var owners in due.GroupBy(n => (n.CommunityId, n.OwnerId)).Chunk(OwnersPerTake))
            {
                // One store write takes a few owners' nudges together: a commit per nudge made a sweep of 50,000 take
                // minutes on SQLite. Few enough owners that a crash between the take and the sends loses little.
                var taken = (await store.TakeNudgesAsync([.. owners.SelectMany(o => o)], cancellationToken).ConfigureAwait(false))
                    .ToLookup(n => (n.CommunityId, n.OwnerId));
                foreach (var owner in owners)
                {
                    if (taken[owner.Key] is var mine && mine.Any())
                    {
                        await RunForAsync(owner.Key.CommunityId, owner.Key.OwnerId, [.. mine], now, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            // Every listed nudge was taken (sent, postponed or dropped) or taken by another run, so the next batch is new work.
            if (due.Count < Batch)
            {
                return;
            }
        }
    }

    private async Task RunForAsync(string communityId, string ownerId, IReadOnlyList<NetworkNudge> taken, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var owner = await directory.FindAsync(communityId, ownerId, cancellationToken).ConfigureAwait(false);
        var settings = await store.GetSettingsAsync(communityId, ownerId, cancellationToken).ConfigureAwait(false);
        if (owner is null || !settings.NudgesOn)
        {
            return; // nobody is messaged who is not opted in, or who turned nudges off: the taken nudges are dropped
        }

        var day = LocalMorning.DayOf(now, owner.TimeZone);
        var marker = $"network:nudged:{communityId}:{ownerId}:{day:yyyy-MM-dd}";
        var token = Guid.NewGuid().ToString("N");
        if (!await leases.TryAcquireAsync(marker, token, DayMarker, cancellationToken).ConfigureAwait(false))
        {
            // Today's message went out already: these wait for tomorrow morning.
            foreach (var nudge in taken)
            {
                await store.ScheduleNudgeAsync(nudge with { DueAt = LocalMorning.After(now, 1, owner.TimeZone) }, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var lines = new List<string>();
        var buttons = new List<ButtonSpec>();
        foreach (var nudge in taken)
        {
            var contact = await store.GetContactAsync(communityId, ownerId, nudge.OtherId, cancellationToken).ConfigureAwait(false);
            if (contact is null || contact.FormerMember || !contact.RemindersOn || !StillMakesSense(nudge.Kind, contact, now))
            {
                continue;
            }

            var other = await directory.FindAsync(communityId, nudge.OtherId, cancellationToken).ConfigureAwait(false);
            var name = other?.DisplayName ?? "@" + nudge.OtherId;
            lines.Add(NudgeTexts.Text(nudge.Kind, name, contact, await LeadForAsync(nudge.Kind, communityId, ownerId, other, cancellationToken).ConfigureAwait(false)));
            buttons.AddRange(NudgeTexts.Buttons(nudge.Kind, nudge.OtherId, name));
            if (nudge.Kind == NudgeKind.Reconnect)
            {
                // At most once every 90 days per contact: the next reconnect waits a full quiet period.
                await store.ScheduleNudgeAsync(nudge with { DueAt = LocalMorning.After(now + NetworkLimits.QuietPeriod, 0, owner.TimeZone) }, cancellationToken).ConfigureAwait(false);
            }
        }

        if (lines.Count == 0)
        {
            await leases.ReleaseAsync(marker, token, cancellationToken).ConfigureAwait(false);
            return;
        }

        await messenger.SendAsync(OutboundMessage.ToUser(communityId, ownerId, string.Join("\n\n", lines), marker, [.. buttons]), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Sent {Count} follow-up nudges in {Community}", lines.Count, communityId);
    }

    /// <summary>
    /// A lead worth passing on to <paramref name="other"/>, only for a month-later nudge and only about someone the
    /// directory still knows: a member who left or was forgotten has no interests to match.
    /// </summary>
    private async Task<UsefulLead?> LeadForAsync(NudgeKind kind, string communityId, string ownerId, NetworkPerson? other, CancellationToken cancellationToken) =>
        kind == NudgeKind.MonthLater && leadFinder is not null && other is { Interests.Count: > 0 }
            ? await leadFinder.FindAsync(communityId, other.Interests, [ownerId, other.UserId], cancellationToken).ConfigureAwait(false)
            : null;

    private static bool StillMakesSense(NudgeKind kind, NetworkContact contact, DateTimeOffset now) => kind switch
    {
        NudgeKind.ThankYou => !contact.Planned && now - contact.LastSpoke <= ThankYouStaleAfter,
        NudgeKind.MonthLater => !contact.Planned,

        // A meeting, a "spoke" or a note moves the reconnect step; one that fires with recent contact is stale.
        _ => now - contact.LastSpoke >= NetworkLimits.QuietPeriod - TimeSpan.FromDays(1),
    };
}
