using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Privacy;

/// <summary>
/// The direct-message conversations kept for a member (their DM with the bot and the group DMs they were in, see
/// <see cref="IDmChannelStore"/>): export-me lists them, forget-me deletes them. Without a store, there is nothing.
/// </summary>
public sealed class DirectMessagePersonalData(IDmChannelStore? channels = null) : IPersonalDataSource
{
    public string Name => "directMessages";

    public async Task<object?> ExportAsync(string communityId, string userId, CancellationToken cancellationToken)
    {
        if (channels is null)
        {
            return null;
        }

        var kept = await channels.ListForMemberAsync(CommunityId.Parse(communityId), userId, cancellationToken).ConfigureAwait(false);
        return kept.Count == 0
            ? null
            : kept.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new { members = e.Key.Split(','), conversation = e.Value }).ToList();
    }

    public async Task<int> ForgetAsync(string communityId, string userId, CancellationToken cancellationToken) =>
        channels is null ? 0 : await channels.ForgetMemberAsync(CommunityId.Parse(communityId), userId, cancellationToken).ConfigureAwait(false);
}
