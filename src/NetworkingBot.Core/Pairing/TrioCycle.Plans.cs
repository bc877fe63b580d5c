namespace NetworkingBot.Core.Pairing;

/// <summary>
/// The plans of the trio cycles, read back from the history. Cycle j begins in the first round anyone has
/// a (j+1)-th trio; at that round a split of everyone into fresh triangles is planned for cycle j+1, on the
/// pairs fresh at that round less the plan for cycle j, with a seed from that round. The inputs never change
/// during the cycle (pairs met since are added back), so every round rebuilds the same plans, and the
/// matching, which leaves planned pairs alone, keeps them fresh until they are needed.
/// </summary>
internal sealed partial class TrioCycle
{
    /// <summary>Repair steps per plan: plans are made on a dense fresh graph and rarely need many.</summary>
    private const int PlanBudget = 5_000;

    /// <summary>The plan for this cycle (triangles) and the still-fresh pairs of the plan for the next.</summary>
    private (List<int[]> Planned, List<(int A, int B)> Next) Plans(int[] counts, int cycle)
    {
        var trios = Enumerable.Range(0, n).Select(TrioRounds).ToArray();
        List<int[]> planned = [];
        List<int[]> previous = [];
        for (var j = 0; j <= cycle; j++)
        {
            var starts = trios.Where(t => t.Count > j).Select(t => t[j]).ToList();
            int? start = starts.Count > 0 ? starts.Min() : j == cycle ? scorer.Request.RoundNumber : null;
            (planned, previous) = (previous, start is int s ? PlanAt(s, previous) : []);
        }

        return (planned, [.. Edges(previous).Where(p => Fresh(p.A, p.B))]);
    }

    /// <summary>The rounds in which v met two members at once (its trios), in order.</summary>
    private List<int> TrioRounds(int v)
    {
        var rounds = new Dictionary<int, int>();
        foreach (var (_, round) in scorer.Weights.Met(v))
        {
            rounds[round] = rounds.GetValueOrDefault(round) + 1;
        }

        return [.. rounds.Where(r => r.Value >= 2).Select(r => r.Key).Order()];
    }

    /// <summary>A split of everyone on the pairs fresh at round <paramref name="start"/>, less the pairs of <paramref name="previous"/>.</summary>
    private List<int[]> PlanAt(int start, List<int[]> previous)
    {
        var now = fresh;
        fresh = (ulong[])now.Clone();
        for (var v = 0; v < n; v++)
        {
            foreach (var (partner, round) in scorer.Weights.Met(v))
            {
                if (round >= start)
                {
                    Set(fresh.AsSpan(v * words, words), partner);
                }
            }
        }

        foreach (var (a, b) in Edges(previous))
        {
            Unlink(a, b);
        }

        budget = PlanBudget;
        var split = new List<int[]>();
        var found = Split(Bits(Enumerable.Range(0, n)), split, [], start);
        fresh = now;
        return found ? split : [];
    }
}
