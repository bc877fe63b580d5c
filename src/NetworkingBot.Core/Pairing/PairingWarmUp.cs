namespace NetworkingBot.Core.Pairing;

/// <summary>
/// Plans a few small made-up rounds through every path a large round takes (a table of every pair; waking slots
/// from tables and from blocks, odd ones among them, joined by pricing in vectors; the blocks above the exact
/// limit; a trio), so the code is compiled before a real round needs it. A process's first 10,000-member round
/// otherwise spends a few hundred milliseconds compiling. Engine options with small limits send a few hundred
/// members down the paths real rounds take only in the thousands; the code is the same.
/// </summary>
public static class PairingWarmUp
{
    private static readonly string[] Zones = ["Europe/London", "America/New_York", "Asia/Kolkata"];
    private static readonly string[] Tags = ["cataloging", "metadata", "archives", "reference", "systems", "data"];

    /// <summary>Plans the made-up rounds; returns how many groups they made (nothing else is kept).</summary>
    public static int Run() => Rounds().Sum(r => new MaxWeightPairingEngine(r.Options).Plan(r.Request).Groups.Count);

    /// <summary>
    /// The made-up rounds: 61 members from a table (odd: a trio); 186 members slot by slot (slots of 81 and 79 from
    /// blocks, both odd, and one of 26 from a table); 261 members in blocks above the exact limit.
    /// </summary>
    internal static IEnumerable<(PairingRequest Request, PairingEngineOptions Options)> Rounds()
    {
        var small = PairingEngineOptions.Default with { RepeatFreeLimit = 0, TableLimit = 40, BlockSize = 24, ExactLimit = 200 };
        yield return (Request(61), PairingEngineOptions.Default with { RepeatFreeLimit = 0 });
        yield return (Request(186), small);
        yield return (Request(261), small);
    }

    private static PairingRequest Request(int count)
    {
        var members = Enumerable.Range(0, count).Select(Member).ToList();

        // Neighbours met last round: the history's levels are weighed too.
        var history = new PairingHistory(
            Enumerable.Range(0, count - 1).ToDictionary(i => PairKey.Of(members[i].UserId, members[i + 1].UserId), _ => 1),
            new Dictionary<string, int>(StringComparer.Ordinal),
            new HashSet<string>(StringComparer.Ordinal));
        return new PairingRequest(members, history, GroupSize: 2, RoundNumber: 2, new DateTimeOffset(2026, 1, 14, 15, 0, 0, TimeSpan.Zero), Seed: count);
    }

    private static PairingMember Member(int i) => new(
        $"warm-up-{i}",
        $"Warm-up {i}",
        new PairingProfile(
            [.. Tags.Where((_, t) => ((i >> t) & 1) == 1)],
            Zones[i % 7 / 3],
            (PairingStage)(i % 6),
            (PairingLookingFor)(i % 4),
            (PairingFormat)(i % 3),
            i % 2 == 0 ? "Leeds" : null));
}
