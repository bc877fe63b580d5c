namespace NetworkingBot.Core.Network;

/// <summary>
/// The one way a meeting enters members' logs, for every program (coffee check-ins, interviews, introductions,
/// contacts added by hand): it records the meeting for each person and schedules the follow-up nudges a held
/// meeting earns, in each owner's local morning.
/// </summary>
public sealed class NetworkLog(INetworkStore store, INetworkDirectory directory)
{
    private static readonly TimeSpan SameMeeting = TimeSpan.FromDays(3);

    /// <summary>
    /// Records that <paramref name="ownerId"/> met <paramref name="otherId"/> (<paramref name="planned"/>: scheduled,
    /// not yet held). A held meeting schedules the thank-you (the next morning), the month-later and the reconnect.
    /// </summary>
    public async Task<NetworkContact> RecordAsync(
        string communityId, string ownerId, string otherId, string how, DateTimeOffset at, bool planned, CancellationToken cancellationToken)
    {
        var before = await store.GetContactAsync(communityId, ownerId, otherId, cancellationToken).ConfigureAwait(false);
        var stored = await store.RecordMeetingAsync(new NetworkContact(communityId, ownerId, otherId, how, at, at, Planned: planned), cancellationToken).ConfigureAwait(false);

        // The second member's "We met" for the same chat is the same meeting: its nudges are already scheduled (or
        // sent), so only a first meeting, a confirmed plan or one days after the last earns them again.
        if (!planned && (before is null || before.Planned || at - before.LastSpoke >= SameMeeting))
        {
            var zone = (await directory.FindAsync(communityId, ownerId, cancellationToken).ConfigureAwait(false))?.TimeZone;
            await ScheduleAsync(communityId, ownerId, otherId, NudgeKind.ThankYou, LocalMorning.After(at, 1, zone), cancellationToken).ConfigureAwait(false);
            await ScheduleAsync(communityId, ownerId, otherId, NudgeKind.MonthLater, LocalMorning.After(at.AddMonths(1), 0, zone), cancellationToken).ConfigureAwait(false);
            await ScheduleReconnectAsync(communityId, ownerId, otherId, at, zone, cancellationToken).ConfigureAwait(false);
        }

        return stored;
    }

    /// <summary>Records one meeting in both people's logs, each with the same how.</summary>
    public async Task RecordBothAsync(
        string communityId, string firstId, string secondId, string how, DateTimeOffset at, bool planned, CancellationToken cancellationToken)
    {
        await RecordAsync(communityId, firstId, secondId, how, at, planned, cancellationToken).ConfigureAwait(false);
        await RecordAsync(communityId, secondId, firstId, how, at, planned, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves the reconnect nudge to 90 days after <paramref name="lastContact"/> (a meeting, a "spoke" or a note):
    /// silence is counted from the latest of them.
    /// </summary>
    public Task ScheduleReconnectAsync(
        string communityId, string ownerId, string otherId, DateTimeOffset lastContact, string? timeZone, CancellationToken cancellationToken) =>
        ScheduleAsync(communityId, ownerId, otherId, NudgeKind.Reconnect, LocalMorning.After(lastContact + NetworkLimits.QuietPeriod, 0, timeZone), cancellationToken);

    /// <summary>Moves the reconnect nudge for a member whose time zone is looked up here.</summary>
    public async Task TouchAsync(string communityId, string ownerId, string otherId, DateTimeOffset lastContact, CancellationToken cancellationToken)
    {
        var zone = (await directory.FindAsync(communityId, ownerId, cancellationToken).ConfigureAwait(false))?.TimeZone;
        await ScheduleReconnectAsync(communityId, ownerId, otherId, lastContact, zone, cancellationToken).ConfigureAwait(false);
    }

    private Task ScheduleAsync(string communityId, string ownerId, string otherId, NudgeKind kind, DateTimeOffset due, CancellationToken cancellationToken) =>
        store.ScheduleNudgeAsync(new NetworkNudge(communityId, ownerId, otherId, kind, due), cancellationToken);
}
