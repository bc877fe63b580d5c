using System.Diagnostics;
using NetworkingBot.Core.Pairing.Matching;

namespace NetworkingBot.Core.Pairing;

/// <summary>
/// Forms the groups of a round from member indices. Pairs come from an exact maximum-weight perfect
/// matching; trios are made by choosing their "third" members fairly first, matching everyone else,
/// then attaching each third to a pair (see <see cref="TrioAttachment"/> and <see cref="AssignThirds"/>).
/// </summary>
internal sealed class GroupPlanner(PairScorer scorer, ulong[] fairnessNoise, PairingEngineOptions options, bool reportOptimum = false)
{
    private PairingHistory History => scorer.Request.History;

    /// <summary>What the last pair matching proved (weight and bound), for the benchmark.</summary>
    public MatchOutcome? LastMatch { get; private set; }

    public List<int[]> Plan(int groupSize)
    {
        var n = scorer.Members.Count;
        var everyone = Enumerable.Range(0, n).ToList();
        if (groupSize >= 3)
        {
            // As many trios as possible: n%3==1 leaves two pairs, n%3==2 one pair (n=4 is two pairs).
            var pairsLeft = n % 3 == 1 ? 2 : n % 3 == 2 ? 1 : 0;
            var trios = (n - (2 * pairsLeft)) / 3;
            return AssignThirds(everyone, trios);
        }

        if (n % 2 == 0)
        {
            if (n <= options.RepeatFreeLimit && new RepeatFreeSchedule(scorer).TryPlan() is { } planned)
            {
                // The benchmark also wants the free optimum, to show what planning ahead costs this round.
                var weight = planned.Aggregate(Int128.Zero, (s, p) => s + scorer.Weight(p.A, p.B));
                var bound = weight;
                if (reportOptimum)
                {
                    MatchPairs(everyone);
                    bound = LastMatch!.Bound;
                }

                LastMatch = new MatchOutcome(planned, weight, bound, 0, Exact: false);
                return [.. planned.Select(p => new[] { p.A, p.B })];
            }

            return [.. MatchPairs(everyone).Select(p => new[] { p.A, p.B })];
        }

        if (n <= options.RepeatFreeLimit && new TrioCycle(scorer).TryPlan() is { } cycle)
        {
            var trio = cycle.Trio.ToHashSet();
            var rest = everyone.Where(i => !trio.Contains(i)).ToList();
            var reserved = cycle.Reserved.Select(p => Key(p.A, p.B)).ToHashSet();
            var paired = MatchPairs(rest, reserved);
            if (reserved.Count > 0)
            {
                // The matching ran on weights lowered for the reserved pairs, so its duals bound those; the
                // benchmark gets the free optimum of the same members instead.
                var weight = paired.Aggregate(Int128.Zero, (s, p) => s + scorer.Weight(p.A, p.B));
                var bound = weight;
                if (reportOptimum)
                {
                    MatchPairs(rest);
                    bound = LastMatch!.Bound;
                }

                LastMatch = new MatchOutcome(paired, weight, bound, 0, Exact: false);
            }

            return [.. paired.Select(p => new[] { p.A, p.B }), cycle.Trio];
        }

        var third = ThirdsByFairness(everyone, 1, InOddSlots(everyone))[0];
        var pairs = MatchPairs(everyone.Where(i => i != third).ToList());
        return new TrioAttachment(scorer).Attach(third, pairs);
    }

    /// <summary>
    /// Maximum-weight perfect matching of an even set of members (the graph is complete). Pairs in
    /// <paramref name="reserved"/> (keys from <see cref="Key"/>) count as fresh but without the recency
    /// level: the matching takes as many fresh pairs as before, then as few reserved ones as it can, then
    /// the usual preferences (the recency boundary is strict, see <see cref="WeightScale"/>).
    /// </summary>
    public List<(int A, int B)> MatchPairs(IReadOnlyList<int> indices, IReadOnlySet<long>? reserved = null)
    {
        if (indices.Count > options.ExactLimit)
        {
            LastMatch = new BlockMatcher(scorer.Weights, options, priceBound: reportOptimum).Match(indices);
            return LastMatch.Pairs;
        }

        if (indices.Count > options.TableLimit && reserved is not { Count: > 0 })
        {
            // Reserved pairs only exist in rounds of at most RepeatFreeLimit members, which take the table below.
            LastMatch = new ExactBlockMatcher(scorer.Weights, options).Match(indices);
            return LastMatch.Pairs;
        }

        var started = Stopwatch.GetTimestamp();
        var ids = indices.ToArray();
        var scratch = new int[scorer.Members.Count];
        var penalty = PairCriteria.RecencyCap * scorer.Weights.Scale.Multiplier(1);
        var all = new TriangularWeights(ids.Length, (u, row) =>
        {
            scorer.Weights.Row(ids[u], ids.AsSpan(u + 1), row, scratch);
            if (reserved is { Count: > 0 })
            {
                for (var j = 0; j < row.Length; j++)
                {
                    row[j] -= reserved.Contains(Key(ids[u], ids[u + 1 + j])) ? penalty : 0;
                }
            }
        });
        var built = Stopwatch.GetTimestamp();
        var matching = CompleteGraphMatcher.Solve(all, ids.Length);
        var mate = matching.Result.Mate;
#if DEBUG
        if (indices.Count <= 60)
        {
            var edges = new List<(int, int, long)>();
            for (var i = 0; i < indices.Count; i++)
            {
                for (var j = i + 1; j < indices.Count; j++)
                {
                    edges.Add((i, j, scorer.Weight(indices[i], indices[j]) - (reserved?.Contains(Key(indices[i], indices[j])) == true ? penalty : 0)));
                }
            }

            // The duals priced against every pair must certify the matching on the complete graph too.
            if (MatchingCertificate.Verify(indices.Count, edges, true, matching.Result) is string failure)
            {
                throw new InvalidOperationException("Matching certificate failed: " + failure);
            }
        }
#endif
        var pairs = new List<(int, int)>();
        Int128 weight = 0;
        for (var i = 0; i < indices.Count; i++)
        {
            if (mate[i] > i)
            {
                pairs.Add((indices[i], indices[mate[i]]));
                weight += scorer.Weight(indices[i], indices[mate[i]]);
            }
        }

        LastMatch = new MatchOutcome(pairs, weight, matching.DualObjective, matching.Edges.Count, Exact: true)
        {
            BuildMs = Stopwatch.GetElapsedTime(started, built).TotalMilliseconds,
            SolveMs = Stopwatch.GetElapsedTime(built).TotalMilliseconds,
            Solves = matching.Rounds,
        };
        return pairs;
    }

    /// <summary>
    /// The members of waking slots with an odd count. A round matched slot by slot pairs each slot within itself
    /// first, and an odd slot leaves one member to pair across slots, which costs the join of the slots two more
    /// solves (10,000 members in two time zones: 1.4-2.0 s a round where even slots take 0.5-0.9 s). When the round
    /// has an odd count, a third taken from an odd slot makes it even; the fairness rules before it are unchanged,
    /// only the coin toss among the members they leave tied chooses from these first. Every odd round that picks its
    /// third here does so, whichever path then matches it, so a request gets the same third under any engine options.
    /// </summary>
    private HashSet<int> InOddSlots(List<int> members)
    {
        var weights = scorer.Weights;
        var counts = members.CountBy(weights.WakeSlot).ToDictionary(c => c.Key, c => c.Value);
        return [.. members.Where(i => counts[weights.WakeSlot(i)] % 2 == 1)];
    }

    /// <summary>One key per unordered pair of member indices.</summary>
    private long Key(int a, int b) => a < b ? ((long)a * scorer.Members.Count) + b : ((long)b * scorer.Members.Count) + a;

    /// <summary>
    /// Who should be the extra member of a group: never someone from last round's trio while anyone else
    /// is available, then the fewest trios so far, then (where given) one of <paramref name="preferred"/>, then
    /// a seeded coin toss.
    /// </summary>
    public List<int> ThirdsByFairness(IReadOnlyList<int> candidates, int count, IReadOnlySet<int>? preferred = null) =>
        [.. candidates
            .OrderBy(i => History.InLastTrio.Contains(scorer.Members[i].Id) ? 1 : 0)
            .ThenBy(i => History.TrioCounts.GetValueOrDefault(scorer.Members[i].Id))
            .ThenBy(i => preferred is null || preferred.Contains(i) ? 0 : 1)
            .ThenBy(i => fairnessNoise[i])
            .ThenBy(i => i)
            .Take(count)];

    /// <summary>
    /// Group size 3: pick the thirds fairly, perfectly match the rest into pairs, then give each third the
    /// pair that suits them by an exact bipartite assignment (another max-weight matching, each third
    /// weighing a pair by the sum of its two new edges; see <see cref="ThirdAssignment"/>). Not a global
    /// optimum over all trio partitions (that problem is NP-hard) but the strict weight priority carries through.
    /// </summary>
    private List<int[]> AssignThirds(List<int> everyone, int trios)
    {
        var thirds = ThirdsByFairness(everyone, trios);
        var thirdSet = thirds.ToHashSet();
        var pairs = MatchPairs(everyone.Where(i => !thirdSet.Contains(i)).ToList());
        if (trios == 0)
        {
            return [.. pairs.Select(p => new[] { p.A, p.B })];
        }

        return ThirdAssignment.Assign(scorer.Weights, thirds, pairs);
    }
}
