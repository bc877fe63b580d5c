using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Scheduling;

namespace NetworkingBot.Core.JobLeads;

/// <summary>
/// A member's time zone for dates they type and digests they get: the one on their coffee-chat profile if they
/// joined coffee chats, else the job board's, else UTC.
/// </summary>
public sealed class MemberZones(IMemberStore members, IJobLeadStore store)
{
    public async Task<TimeZoneInfo> OfAsync(string communityId, string userId, CancellationToken cancellationToken)
    {
        var member = await members.GetAsync(communityId, userId, cancellationToken).ConfigureAwait(false);
        if (member is not null)
        {
            return RoundSchedule.Zone(member.Profile.TimeZone);
        }

        var board = await store.GetBoardAsync(communityId, cancellationToken).ConfigureAwait(false);
        return RoundSchedule.Zone(board?.TimeZone ?? "UTC");
    }
}
