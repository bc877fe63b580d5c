using NetworkingBot.Core.CoffeeChats;

namespace NetworkingBot.Storage.Redis;

/// <summary>
/// A round as hash fields: what the claim fixes (<c>identity</c>, <c>number</c>) apart from what updates replace
/// (<c>status</c>, <c>groups</c>, <c>unmatched</c>, <c>checkInAt</c>), so an update can never rewrite the identity.
/// </summary>
internal static class RoundFields
{
    public const string Identity = "identity";
    public const string Number = "number";
    public const string Status = "status";
    public const string Groups = "groups";
    public const string Unmatched = "unmatched";
    public const string CheckInAt = "checkInAt";

    private sealed record RoundIdentity(string RoundId, string CommunityId, string SlotKey, DateTimeOffset ScheduledFor, DateTimeOffset CreatedAt, int Seed);

    private sealed record StoredGroup(int Index, IReadOnlyList<string> Members, string Why);

    /// <summary>Every field but the number, which the claim assigns.</summary>
    public static List<KeyValuePair<string, string>> ForClaim(Round round) =>
    [
        new(Identity, RedisJson.Write(new RoundIdentity(round.RoundId, round.CommunityId, round.SlotKey, round.ScheduledFor, round.CreatedAt, round.Seed))),
        .. ForUpdate(round),
    ];

    public static List<KeyValuePair<string, string>> ForUpdate(Round round) =>
    [
        new(Status, round.Status.ToString()),
        new(Groups, WriteGroups(round.Groups)),
        new(Unmatched, RedisJson.Write(round.Unmatched)),
        new(CheckInAt, RedisJson.Write(round.CheckInAt)),
    ];

    public static string WriteGroups(IReadOnlyList<RoundGroup> groups) =>
        RedisJson.Write(groups.Select(g => new StoredGroup(g.Index, g.Members, g.Why)).ToList());

    public static IReadOnlyList<RoundGroup> ReadGroups(string json) =>
        RedisJson.Read<List<StoredGroup>>(json).Select(g => new RoundGroup(g.Index, g.Members, g.Why)).ToList();

    /// <summary>The round in <paramref name="fields"/>, or null when the hash is empty (no such round).</summary>
    public static Round? Read(IReadOnlyDictionary<string, string> fields)
    {
        if (fields.Count == 0)
        {
            return null;
        }

        var id = RedisJson.Read<RoundIdentity>(fields[Identity]);
        return new Round(
            id.RoundId,
            id.CommunityId,
            id.SlotKey,
            int.Parse(fields[Number], System.Globalization.CultureInfo.InvariantCulture),
            id.ScheduledFor,
            id.CreatedAt,
            Enum.Parse<RoundStatus>(fields[Status]),
            id.Seed,
            ReadGroups(fields[Groups]),
            RedisJson.Read<List<string>>(fields[Unmatched]),
            RedisJson.Read<DateTimeOffset>(fields[CheckInAt]));
    }
}
