using NetworkingBot.Core.Network;

namespace NetworkingBot.Hosting;

/// <summary>How much <see cref="NetworkCopy"/> copied.</summary>
public sealed record NetworkCopyCounts(int Contacts, int Notes, int Nudges, int Settings, int Intros);

/// <summary>
/// Copies the "My network" program per member through the store ports: log entries (a new entry is stored as given,
/// former members and plans included), notes, due nudges, settings a member changed, and the introductions they
/// made. <see cref="TargetHoldsDataAsync"/> checks the target is empty: notes and introductions would be added twice.
/// </summary>
public sealed class NetworkCopy(INetworkStore from, INetworkStore to)
{
    public async Task<bool> TargetHoldsDataAsync(MigrateSource source, CancellationToken cancellationToken)
    {
        foreach (var (community, user) in source.NetworkMembers)
        {
            if ((await to.ListContactsAsync(community, user, null, 0, 1, cancellationToken).ConfigureAwait(false)).Total > 0
                || (await to.ListAllNotesAsync(community, user, cancellationToken).ConfigureAwait(false)).Count > 0
                || (await to.ListNudgesAsync(community, user, cancellationToken).ConfigureAwait(false)).Count > 0
                || (await to.ListIntrosSinceAsync(community, user, DateTimeOffset.MinValue, cancellationToken).ConfigureAwait(false)).Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    public async Task<NetworkCopyCounts> CopyAsync(MigrateSource source, CancellationToken cancellationToken)
    {
        int contacts = 0, notes = 0, nudges = 0, settings = 0, intros = 0;
        foreach (var (community, user) in source.NetworkMembers)
        {
            var log = await from.ListContactsAsync(community, user, null, 0, int.MaxValue, cancellationToken).ConfigureAwait(false);
            foreach (var contact in log.Contacts)
            {
                await to.RecordMeetingAsync(contact, cancellationToken).ConfigureAwait(false);
                contacts++;
            }

            // Listed by contact then time, each contact's notes in the order they were written: added so, they keep it.
            foreach (var note in await from.ListAllNotesAsync(community, user, cancellationToken).ConfigureAwait(false))
            {
                await to.AddNoteAsync(note, cancellationToken).ConfigureAwait(false);
                notes++;
            }

            foreach (var nudge in await from.ListNudgesAsync(community, user, cancellationToken).ConfigureAwait(false))
            {
                await to.ScheduleNudgeAsync(nudge, cancellationToken).ConfigureAwait(false);
                nudges++;
            }

            var chosen = await from.GetSettingsAsync(community, user, cancellationToken).ConfigureAwait(false);
            if (chosen != NetworkSettings.Default(community, user))
            {
                await to.SaveSettingsAsync(chosen, cancellationToken).ConfigureAwait(false);
                settings++;
            }

            foreach (var intro in await from.ListIntrosSinceAsync(community, user, DateTimeOffset.MinValue, cancellationToken).ConfigureAwait(false))
            {
                await to.AddIntroAsync(intro, cancellationToken).ConfigureAwait(false);
                intros++;
            }
        }

        return new NetworkCopyCounts(contacts, notes, nudges, settings, intros);
    }
}
