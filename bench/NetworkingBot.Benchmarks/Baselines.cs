using NetworkingBot.Core.Pairing;

namespace NetworkingBot.Benchmarks;

/// <summary>
/// The two ways coffee-chat bots pair people today, scored with the engine's own weights. Both make one
/// trio of the leftover member when the count is odd.
/// </summary>
internal static class Baselines
{
    /// <summary>Shuffle-and-pair: a seeded random order, consecutive members paired, no memory of the past.</summary>
    public static List<int[]> Shuffle(int n, int seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        var groups = new List<int[]>();
        for (var i = 0; i + 1 < n; i += 2)
        {
            groups.Add([order[i], order[i + 1]]);
        }

        if (n % 2 == 1 && groups.Count > 0)
        {
            groups[^1] = [.. groups[^1], order[^1]];
        }

        return groups;
    }

    /// <summary>
    /// Greedy by score: up to 2,500 members, all pairs by weight, heaviest first, taken when both are free;
    /// up to 20,000, each member in a seeded order takes its best free partner; above that, the best of 512
    /// sampled free members (a complete scan would take minutes). The leftover joins its best pair.
    /// </summary>
    public static (List<int[]> Groups, string Variant) Greedy(PairScorer scorer, int seed)
    {
        var n = scorer.Members.Count;
        var mate = new int[n];
        Array.Fill(mate, -1);
        string variant;
        if (n <= 2500)
        {
            variant = "greedy (all pairs)";
            var pairs = new List<(long W, int A, int B)>(n * (n - 1) / 2);
            for (var a = 0; a < n; a++)
            {
                for (var b = a + 1; b < n; b++)
                {
                    pairs.Add((scorer.Weight(a, b), a, b));
                }
            }

            pairs.Sort((x, y) => y.W != x.W ? y.W.CompareTo(x.W) : (x.A, x.B).CompareTo((y.A, y.B)));
            foreach (var (_, a, b) in pairs.Where(p => mate[p.A] < 0 && mate[p.B] < 0))
            {
                if (mate[a] < 0 && mate[b] < 0)
                {
                    (mate[a], mate[b]) = (b, a);
                }
            }
        }
        else
        {
            var random = new Random(seed);
            var order = Enumerable.Range(0, n).ToArray();
            random.Shuffle(order);
            var free = new List<int>(order);
            var position = new int[n];
            for (var i = 0; i < n; i++)
            {
                position[free[i]] = i;
            }

            variant = n <= 20000 ? "greedy (best free partner)" : "greedy (best of 512 free)";
            foreach (var a in order)
            {
                if (mate[a] >= 0 || free.Count < 2)
                {
                    continue;
                }

                Remove(free, position, a);
                var (best, bestW) = (-1, long.MinValue);
                var scan = n <= 20000 ? free.Count : Math.Min(512, free.Count);
                for (var s = 0; s < scan; s++)
                {
                    var b = n <= 20000 ? free[s] : free[random.Next(free.Count)];
                    var w = scorer.Weight(a, b);
                    (best, bestW) = w > bestW ? (b, w) : (best, bestW);
                }

                Remove(free, position, best);
                (mate[a], mate[best]) = (best, a);
            }
        }

        var groups = Enumerable.Range(0, n).Where(a => mate[a] > a).Select(a => new[] { a, mate[a] }).ToList();
        var left = Enumerable.Range(0, n).Where(a => mate[a] < 0).ToList();
        if (left.Count == 1 && groups.Count > 0)
        {
            var t = left[0];
            var g = groups.MaxBy(g => scorer.Weight(t, g[0]) + scorer.Weight(t, g[1]))!;
            groups[groups.IndexOf(g)] = [g[0], g[1], t];
        }

        return (groups, variant);
    }

    /// <summary>Swap-remove in O(1), keeping each member's position current.</summary>
    private static void Remove(List<int> free, int[] position, int x)
    {
        var i = position[x];
        var last = free[^1];
        free[i] = last;
        position[last] = i;
        free.RemoveAt(free.Count - 1);
    }
}
