using System.Globalization;
using NetworkingBot.Core.Network;

namespace NetworkingBot.Storage.Redis;

/// <summary>Due nudges, introductions and forgetting.</summary>
internal sealed partial class RedisNetworkStore
{
    public Task ScheduleNudgeAsync(NetworkNudge nudge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        return db.ScriptEvaluateAsync(
            RedisScripts.ScheduleNudge,
            [RedisKeys.NetNudges(nudge.CommunityId, nudge.OwnerId), RedisKeys.NetDue, RedisKeys.NetAbout(nudge.CommunityId, nudge.OtherId)],
            [NudgeKey.Field(nudge.Kind, nudge.OtherId), NudgeKey.Member(nudge), nudge.OwnerId],
            cancellationToken);
    }

    public async Task<IReadOnlyList<NetworkNudge>> ListNudgesAsync(string communityId, string ownerId, CancellationToken cancellationToken = default)
    {
        var all = await db.HashGetAllAsync(RedisKeys.NetNudges(communityId, ownerId), cancellationToken).ConfigureAwait(false);
        return Ordered(all.Values.Select(NudgeKey.Read));
    }

    public async Task<IReadOnlyList<NetworkNudge>> ListDueNudgesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        if (limit <= 0)
        {
            return [];
        }

        // Every member below the tick after now, at most limit of them: the sweep reads what is due, not what is stored.
        var bound = "(" + (now.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture);
        var due = (await db.ExecuteAsync(
            "ZRANGEBYLEX", [db.KeyPrefix + RedisKeys.NetDue, "-", bound, "LIMIT", "0", limit.ToString(CultureInfo.InvariantCulture)],
            cancellationToken).ConfigureAwait(false)).AsStrings();
        return Ordered(due.Select(NudgeKey.Read));
    }

    public async Task<IReadOnlyList<NetworkNudge>> TakeNudgesAsync(IReadOnlyList<NetworkNudge> nudges, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nudges);
        if (nudges.Count == 0)
        {
            return [];
        }

        // One script for the batch: each nudge's owner hash is a key of its own, its field and due member the arguments.
        var result = await db.ScriptEvaluateAsync(
            RedisScripts.TakeNudges,
            [RedisKeys.NetDue, RedisKeys.NetCall(CallToken.New()), .. nudges.Select(n => RedisKeys.NetNudges(n.CommunityId, n.OwnerId))],
            [.. nudges.SelectMany(n => new[] { NudgeKey.Field(n.Kind, n.OtherId), NudgeKey.Member(n) })],
            cancellationToken).ConfigureAwait(false);
        var marks = result.AsString() ?? "";
        return nudges.Where((_, i) => i < marks.Length && marks[i] == '1').ToList();
    }

    public Task AddIntroAsync(IntroRecord intro, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intro);
        return db.ScriptEvaluateAsync(
            RedisScripts.AddIntro,
            [RedisKeys.NetIntros(intro.CommunityId, intro.IntroducerId), RedisKeys.NetIntroducedBy(intro.CommunityId, intro.FirstId),
             RedisKeys.NetIntroducedBy(intro.CommunityId, intro.SecondId), RedisKeys.NetCall(CallToken.New())],
            [RedisJson.Write(intro), intro.IntroducerId],
            cancellationToken);
    }

    public async Task<IReadOnlyList<IntroRecord>> ListIntrosSinceAsync(string communityId, string introducerId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var key = db.KeyPrefix + RedisKeys.NetIntros(communityId, introducerId);
        var all = (await db.ExecuteAsync("LRANGE", [key, "0", "-1"], cancellationToken).ConfigureAwait(false)).AsStrings();

        // Limits keep an introducer's list short; a stable sort keeps the order they were made in for equal instants.
        return all.Select(RedisJson.Read<IntroRecord>).Where(i => i.At >= since).OrderBy(i => i.At).ToList();
    }

    public async Task<int> ForgetMemberAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        string Owners(string keyPrefix) => RedisKeys.Owners(db.KeyPrefix + keyPrefix, communityId);
        var result = await db.ScriptEvaluateAsync(
            RedisScripts.ForgetNetworkMember,
            [RedisKeys.NetLog(communityId, userId), RedisKeys.NetRecent(communityId, userId), RedisKeys.NetNotes(communityId, userId),
             RedisKeys.NetNudges(communityId, userId), RedisKeys.NetAbout(communityId, userId), RedisKeys.NetIntros(communityId, userId),
             RedisKeys.NetIntroducedBy(communityId, userId), RedisKeys.NetSettings(communityId), RedisKeys.NetDue, RedisKeys.NetCall(CallToken.New())],
            [userId, NetworkForgetting.Placeholder(), Owners(RedisKeys.NetLogPrefix), Owners(RedisKeys.NetRecentPrefix),
             Owners(RedisKeys.NetNotesPrefix), Owners(RedisKeys.NetNudgesPrefix), Owners(RedisKeys.NetIntrosPrefix),
             .. Enum.GetNames<NudgeKind>()],
            cancellationToken).ConfigureAwait(false);
        return (int)result.AsInt64();
    }

    // The same tie order as every other store: due, community, owner, other, kind.
    private static List<NetworkNudge> Ordered(IEnumerable<NetworkNudge> nudges) =>
        nudges.OrderBy(n => n.DueAt).ThenBy(n => n.CommunityId, StringComparer.Ordinal).ThenBy(n => n.OwnerId, StringComparer.Ordinal)
            .ThenBy(n => n.OtherId, StringComparer.Ordinal).ThenBy(n => n.Kind).ToList();
}
