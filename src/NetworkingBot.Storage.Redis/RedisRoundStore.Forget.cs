namespace NetworkingBot.Storage.Redis;

/// <summary>
/// Forget-me. The lists are rewritten here, in C#, and applied by one script that first checks nothing changed
/// since they were read (optimistic concurrency); on a conflict the whole thing is read and tried again.
/// </summary>
internal sealed partial class RedisRoundStore
{
    private const int ForgetAttempts = 20;

    public async Task<int> ForgetUserAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < ForgetAttempts; attempt++)
        {
            var ids = await db.SortedSetRangeByRankAsync(RedisKeys.Rounds(communityId), 0, -1, descending: false, cancellationToken).ConfigureAwait(false);
            var hashes = await Task.WhenAll(ids.Select(id => db.HashGetAllAsync(RedisKeys.Round(id), cancellationToken))).ConfigureAwait(false);
            var keys = new List<string>();
            var args = new List<string> { userId, ":" + userId, "" };
            for (var i = 0; i < ids.Count; i++)
            {
                if (!hashes[i].TryGetValue(RoundFields.Groups, out var groups) || !hashes[i].TryGetValue(RoundFields.Unmatched, out var unmatched))
                {
                    continue;
                }

                keys.AddRange([RedisKeys.Round(ids[i]), RedisKeys.Deliveries(ids[i]), RedisKeys.CheckIns(ids[i]), RedisKeys.Intents(ids[i])]);
                args.AddRange([groups, unmatched, WithoutInGroups(groups, userId), WithoutInList(unmatched, userId)]);
            }

            if (keys.Count == 0)
            {
                return 0;
            }

            args[2] = (keys.Count / 4).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var touched = (await db.ScriptEvaluateAsync(RedisScripts.Forget, keys, args, cancellationToken).ConfigureAwait(false)).AsInt64();
            if (touched >= 0)
            {
                return (int)touched;
            }
        }

        throw new InvalidOperationException($"Could not forget {userId} in {communityId}: its rounds kept changing over {ForgetAttempts} attempts.");
    }

    /// <summary>The groups JSON without the user, or the same text untouched when they are not in it (so the script sees no change).</summary>
    private static string WithoutInGroups(string json, string userId)
    {
        var groups = RoundFields.ReadGroups(json);
        return groups.Any(g => g.Members.Contains(userId, StringComparer.Ordinal))
            ? RoundFields.WriteGroups(groups.Select(g => g with { Members = g.Members.Where(m => !string.Equals(m, userId, StringComparison.Ordinal)).ToList() }).ToList())
            : json;
    }

    private static string WithoutInList(string json, string userId)
    {
        var list = RedisJson.Read<List<string>>(json);
        return list.Contains(userId, StringComparer.Ordinal)
            ? RedisJson.Write(list.Where(m => !string.Equals(m, userId, StringComparison.Ordinal)).ToList())
            : json;
    }
}
