using NetworkingBot.Core.Pairing;

namespace NetworkingBot.Core.Tests.Pairing;

/// <summary>Builders for pairing requests: hand-made members and seeded random communities.</summary>
internal static class Community
{
    public static readonly DateTimeOffset Winter = new(2026, 1, 14, 15, 0, 0, TimeSpan.Zero);

    private static readonly string[] Tags = ["cataloging", "metadata", "archives", "reference", "instruction", "youth-services", "systems", "data", "law", "museum"];
    private static readonly string[] Zones = ["Europe/London", "America/New_York", "America/Los_Angeles", "Asia/Kolkata", "Australia/Sydney", "UTC", "Not/AZone", ""];
    private static readonly string[] Regions = ["Leeds", "leeds ", "York", "Ohio", ""];

    public static PairingMember Member(
        string id,
        string[]? interests = null,
        string timeZone = "UTC",
        PairingStage stage = PairingStage.Unspecified,
        PairingLookingFor lookingFor = PairingLookingFor.Any,
        PairingFormat format = PairingFormat.Virtual,
        string? region = null) =>
        new(id, Name(id), new PairingProfile(interests ?? [], timeZone, stage, lookingFor, format, region));

    public static string Name(string id) => char.ToUpperInvariant(id[0]) + id[1..];

    public static PairingRequest Request(IReadOnlyList<PairingMember> members, PairingHistory? history = null, int groupSize = 2, int round = 10, int seed = 1) =>
        new(members, history ?? PairingHistory.Empty, groupSize, round, Winter, seed);

    public static PairingHistory History(IEnumerable<(string A, string B, int Round)> met, IEnumerable<string>? lastTrio = null, IDictionary<string, int>? trioCounts = null) =>
        new(
            met.ToDictionary(m => PairKey.Of(m.A, m.B), m => m.Round),
            new Dictionary<string, int>(trioCounts ?? new Dictionary<string, int>(), StringComparer.Ordinal),
            (lastTrio ?? []).ToHashSet(StringComparer.Ordinal));

    public static List<PairingMember> RandomMembers(Random random, int n) =>
        [.. Enumerable.Range(0, n).Select(i => new PairingMember(
            $"u{i:D3}",
            $"Member {i}",
            new PairingProfile(
                [.. Tags.Where(_ => random.Next(4) == 0)],
                Zones[random.Next(Zones.Length)],
                (PairingStage)random.Next(6),
                (PairingLookingFor)random.Next(4),
                (PairingFormat)random.Next(3),
                Regions[random.Next(Regions.Length)])))];

    public static PairingHistory RandomHistory(Random random, IReadOnlyList<PairingMember> members, int round)
    {
        var met = new List<(string, string, int)>();
        foreach (var a in members)
        {
            foreach (var b in members.Where(b => string.CompareOrdinal(a.UserId, b.UserId) < 0 && random.Next(3) == 0))
            {
                met.Add((a.UserId, b.UserId, random.Next(1, round)));
            }
        }

        var lastTrio = members.Where(_ => random.Next(6) == 0).Take(3).Select(m => m.UserId);
        var counts = members.ToDictionary(m => m.UserId, _ => random.Next(3));
        return History(met, lastTrio, counts);
    }

    /// <summary>Feeds a plan into the history, the way the round recorder would.</summary>
    public static PairingHistory After(PairingHistory history, PairingPlan plan, int round)
    {
        var met = new Dictionary<PairKey, int>(history.LastMetRound);
        var counts = new Dictionary<string, int>(history.TrioCounts, StringComparer.Ordinal);
        var lastTrio = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in plan.Groups)
        {
            foreach (var a in group.Members)
            {
                foreach (var b in group.Members.Where(b => string.CompareOrdinal(a, b) < 0))
                {
                    met[PairKey.Of(a, b)] = round;
                }

                if (group.Members.Count == 3)
                {
                    counts[a] = counts.GetValueOrDefault(a) + 1;
                    lastTrio.Add(a);
                }
            }
        }

        return new PairingHistory(met, counts, lastTrio);
    }
}
