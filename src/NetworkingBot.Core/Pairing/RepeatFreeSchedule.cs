using NetworkingBot.Core.Pairing.Matching;

namespace NetworkingBot.Core.Pairing;

/// <summary>
/// Keeps an even, stable membership of N repeat-free for N-1 rounds, the most possible. Choosing each
/// round's best fresh matching alone can strand the remaining fresh pairs in a graph with no perfect
/// matching (around N/2 rounds), so the rounds follow a 1-factorisation of the complete graph built in
/// levels, and the optimiser chooses within it:
/// <list type="bullet">
/// <item>Round 1 is the engine's own optimum M0 (this class declines when nobody has met).</item>
/// <item>Level 0: N = s·2^k with s = 2·odd. M0's pairs, in profile order, are cut into blocks of s members;
/// each block runs the circle method labelled from its M0 pairs (s-1 rounds), best fresh round first.</item>
/// <item>Level ℓ ≥ 1: blocks of b = s·2^(ℓ-1) are joined two by two (the best-suited pairs of blocks, chosen
/// when the level starts). The fresh pairs across two complete blocks form a regular bipartite graph, which
/// always has a perfect matching (König) and stays regular once one is removed; so every round of the b
/// rounds of this level is the exact maximum-weight matching of those fresh cross pairs, and never stuck.</item>
/// </list>
/// (s-1) + s + 2s + ... + N/2 = N-1. Stateless: blocks, labellings and levels are rebuilt from the history
/// (everyone has met r others; the earliest partners say where the structure stands). When the history does
/// not fit (churn, an odd round, a profile reorder before the level-0 blocks formed) it returns null and the
/// engine optimises freely, which still avoids repeats while a fresh perfect matching exists.
/// </summary>
internal sealed partial class RepeatFreeSchedule(PairScorer scorer)
{
    private PairWeights Weights => scorer.Weights;

    /// <summary>This round's pairs (member indices), or null when the engine should optimise freely.</summary>
    public List<(int A, int B)>? TryPlan()
    {
        var n = scorer.Members.Count;
        var met = Enumerable.Range(0, n).Select(v => Weights.Met(v).ToArray()).ToArray();
        var r = met[0].Length;
        if (n < 4 || n % 2 != 0 || r == 0 || r >= n - 1 || met.Any(m => m.Length != r))
        {
            return null;
        }

        foreach (var m in met)
        {
            Array.Sort(m, (x, y) => x.Round != y.Round ? x.Round.CompareTo(y.Round) : x.Partner.CompareTo(y.Partner));
        }

        var s = n;
        while (s % 4 == 0)
        {
            s /= 2;
        }

        if (r < s - 1)
        {
            return LevelZero(met, s);
        }

        var b = s;
        while (r >= (2 * b) - 1)
        {
            b *= 2;
        }

        var blocks = Components(n, v => met[v].Take(b - 1).Select(p => p.Partner));
        if (blocks is null || blocks.Any(c => c.Count != b))
        {
            return null;
        }

        var groups = r == b - 1 ? JoinBlocks(blocks) : Components(n, v => met[v].Select(p => p.Partner))?.Select(g => Split(g, blocks)).ToList();
        if (groups is null || groups.Any(g => g is null))
        {
            return null;
        }

        var pairs = new List<(int, int)>();
        foreach (var (left, right) in groups!.Select(g => g!.Value))
        {
            if (CrossMatching(left, right, (2 * b) - 1 - r) is not { } matched)
            {
                return null;
            }

            pairs.AddRange(matched);
        }

        return pairs;
    }

    private List<(int, int)>? LevelZero((int Partner, int Round)[][] met, int s)
    {
        var n = met.Length;
        var rank = ProfileRank();
        var first = met.Select(m => m[0].Partner).ToArray();
        if (Enumerable.Range(0, n).Any(v => first[first[v]] != v))
        {
            return null;
        }

        var roundZero = Enumerable.Range(0, n).Where(v => rank[v] < rank[first[v]])
            .Select(v => (A: v, B: first[v])).OrderBy(p => rank[p.A]).ToList();
        var pairs = new List<(int, int)>();
        for (var start = 0; start < roundZero.Count; start += s / 2)
        {
            var at = CircleRounds.Labelling(roundZero.GetRange(start, s / 2));
            (Int128 Weight, int Round)? best = null;
            var used = 0;
            for (var j = 1; j < s - 1; j++)
            {
                var fresh = CircleRounds.Round(at, j).Count(p => Weights.Fresh(p.A, p.B));
                if (fresh == 0)
                {
                    used++;
                }
                else if (fresh != s / 2)
                {
                    return null;
                }
                else
                {
                    var weight = CircleRounds.Round(at, j).Aggregate(Int128.Zero, (sum, p) => sum + Weights.Weight(p.A, p.B));
                    best = best is null || weight > best.Value.Weight ? (weight, j) : best;
                }
            }

            if (used != met[0].Length - 1 || best is null)
            {
                return null;
            }

            pairs.AddRange(CircleRounds.Round(at, best.Value.Round));
        }

        return pairs;
    }

    /// <summary>
    /// Pairs up complete blocks when a level starts: an exact matching over blocks, weighing two blocks by
    /// the mean weight of their cross pairs, so the closest blocks meet first.
    /// </summary>
    private List<(List<int>, List<int>)?> JoinBlocks(List<List<int>> blocks)
    {
        var edges = new List<(int, int, long)>();
        for (var x = 0; x < blocks.Count; x++)
        {
            for (var y = x + 1; y < blocks.Count; y++)
            {
                Int128 sum = 0;
                foreach (var a in blocks[x])
                {
                    foreach (var c in blocks[y])
                    {
                        sum += Weights.Weight(a, c);
                    }
                }

                edges.Add((x, y, (long)(sum / (blocks[x].Count * blocks[y].Count))));
            }
        }

        var mate = MaxWeightMatching.Solve(blocks.Count, edges, maxCardinality: true).Mate;
        return [.. Enumerable.Range(0, blocks.Count).Where(x => mate[x] > x).Select(x => ((List<int>, List<int>)?)(blocks[x], blocks[mate[x]]))];
    }

    /// <summary>Maximum-weight perfect matching of the fresh pairs across two blocks, each member having exactly d.</summary>
    private List<(int, int)>? CrossMatching(List<int> left, List<int> right, int d)
    {
        var all = left.Concat(right).ToArray();
        var edges = new List<(int, int, long)>();
        for (var i = 0; i < left.Count; i++)
        {
            for (var j = 0; j < right.Count; j++)
            {
                if (Weights.Fresh(left[i], right[j]))
                {
                    edges.Add((i, left.Count + j, Weights.Weight(left[i], right[j])));
                }
            }
        }

        var degree = new int[all.Length];
        foreach (var (u, v, _) in edges)
        {
            degree[u]++;
            degree[v]++;
        }

        if (degree.Any(x => x != d))
        {
            return null;
        }

        var mate = MaxWeightMatching.Solve(all.Length, edges, maxCardinality: true).Mate;
        return mate.Any(x => x < 0) ? null : [.. Enumerable.Range(0, left.Count).Select(i => (all[i], all[mate[i]]))];
    }
}
