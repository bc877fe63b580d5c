using System.Globalization;
using NetworkingBot.Core.CoffeeChats;

namespace NetworkingBot.Storage.Redis;

/// <summary>
/// A planned round and its members' bookkeeping in one script. Members are JSON values, rewritten here in C# from
/// what was read; the script applies them only if none changed meanwhile (optimistic concurrency, as forget-me does),
/// so a profile edit during planning is neither lost nor overwritten.
/// </summary>
internal sealed partial class RedisRoundStore
{
    private const int SavePlanAttempts = 20;

    public async Task SavePlanAsync(Round round, IReadOnlyCollection<MemberRoundUpdate> members, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(members);
        var status = round.Status.ToString();
        var fields = RoundFields.ForUpdate(round);
        for (var attempt = 0; attempt < SavePlanAttempts; attempt++)
        {
            var stored = await db.HashGetAllAsync(RedisKeys.Members(round.CommunityId), cancellationToken).ConfigureAwait(false);
            List<string> args = [round.RoundId, db.KeyPrefix + RedisKeys.StatusPrefix, status, (fields.Count * 2).ToString(CultureInfo.InvariantCulture), .. Flatten(fields)];
            foreach (var update in members)
            {
                if (stored.TryGetValue(update.UserId, out var json))
                {
                    var member = RedisJson.Read<Member>(json);
                    args.AddRange([update.UserId, json, RedisJson.Write(member with { LastRoundAt = update.LastRoundAt, SkipNext = update.SkipNext })]);
                }
            }

            var result = await db.ScriptEvaluateAsync(
                RedisScripts.SavePlan,
                [RedisKeys.Round(round.RoundId), RedisKeys.Status(status), RedisKeys.Members(round.CommunityId)],
                args,
                cancellationToken).ConfigureAwait(false);
            switch (result.AsInt64())
            {
                case 1:
                    return;
                case 0:
                    // Saving the plan of a round that was never claimed is a bug in the caller.
                    throw new InvalidOperationException($"Round {round.RoundId} does not exist; claim it before saving its plan.");
            }
        }

        throw new InvalidOperationException($"Could not save the plan of {round.RoundId}: its members kept changing over {SavePlanAttempts} attempts.");
    }
}
