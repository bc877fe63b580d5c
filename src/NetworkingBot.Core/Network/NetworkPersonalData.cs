using NetworkingBot.Core.Privacy;

namespace NetworkingBot.Core.Network;

/// <summary>
/// The follow-up program's part of export-me and forget-me: my log, my notes and my settings. Forgetting deletes
/// them; in others' logs I become "a former member" (their notes stay theirs) and no nudge names me again.
/// </summary>
public sealed class NetworkPersonalData(INetworkStore store) : IPersonalDataSource
{
    public string Name => "network";

    public async Task<object?> ExportAsync(string communityId, string userId, CancellationToken cancellationToken)
    {
        var log = await store.ListContactsAsync(communityId, userId, null, 0, int.MaxValue, cancellationToken).ConfigureAwait(false);
        var notes = await store.ListAllNotesAsync(communityId, userId, cancellationToken).ConfigureAwait(false);
        var settings = await store.GetSettingsAsync(communityId, userId, cancellationToken).ConfigureAwait(false);
        if (log.Total == 0 && notes.Count == 0 && settings == NetworkSettings.Default(communityId, userId))
        {
            return null;
        }

        var contacts = log.Contacts.Select(c => new
        {
            member = c.FormerMember ? NetworkForgetting.FormerMemberName : c.OtherId,
            how = c.How, firstMet = c.FirstMet, lastSpoke = c.LastSpoke, planned = c.Planned, reminders = c.RemindersOn,
            notes = notes.Where(n => n.OtherId == c.OtherId).Select(n => new { at = n.At, text = n.Text }).ToList(),
        }).ToList();
        return new { contacts, nudges = settings.NudgesOn, intros = settings.IntrosOn };
    }

    public Task<int> ForgetAsync(string communityId, string userId, CancellationToken cancellationToken) =>
        store.ForgetMemberAsync(communityId, userId, cancellationToken);
}
