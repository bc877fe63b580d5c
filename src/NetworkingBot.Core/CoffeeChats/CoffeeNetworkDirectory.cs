using NetworkingBot.Core.Commands.Text;
using NetworkingBot.Core.Network;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>
/// Coffee chats' share of the follow-up program's directory: an active member is in, one who
/// left (or was forgotten, so has no row) is not. It lives here so the network program reads no coffee store itself.
/// </summary>
public sealed class CoffeeNetworkDirectory(IMemberStore members) : INetworkParticipants
{
    public async Task<NetworkPerson?> FindAsync(string communityId, string userId, CancellationToken cancellationToken = default) =>
        await members.GetAsync(communityId, userId, cancellationToken).ConfigureAwait(false) is { Status: MemberStatus.Active } member
            ? Person(member)
            : null;

    public async Task<IReadOnlyDictionary<string, NetworkPerson>> FindManyAsync(string communityId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default) =>
        (await members.GetManyAsync(communityId, userIds, cancellationToken).ConfigureAwait(false)).Values
            .Where(m => m.Status == MemberStatus.Active)
            .ToDictionary(m => m.UserId, Person, StringComparer.Ordinal);

    private static NetworkPerson Person(Member member)
    {
        var profile = member.Profile;
        var line = profile.Interests.Count == 0 ? "no interests listed yet" : "interested in " + string.Join(", ", profile.Interests);
        if (profile.Stage != CareerStage.Unspecified)
        {
            line += $"; {profile.Stage switch { CareerStage.EarlyCareer => "early career", CareerStage.MidCareer => "mid career", _ => profile.Stage.ToString().ToLowerInvariant() }}";
        }

        if (profile.Region is { Length: > 0 } region)
        {
            line += $"; {MemberText.Clean(region)}";
        }

        var zone = string.IsNullOrWhiteSpace(profile.TimeZone) ? "UTC" : profile.TimeZone;
        return new NetworkPerson(member.UserId, MemberText.Clean(member.DisplayName), zone, profile.Interests, line);
    }
}
