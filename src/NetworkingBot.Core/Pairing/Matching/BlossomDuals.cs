using System.Runtime.CompilerServices;

namespace NetworkingBot.Core.Pairing.Matching;

/// <summary>
/// The blossom part of a solve's dual solution, indexed per vertex: which blossoms hold a vertex, the sum
/// of blossom duals over a pair (their common blossoms), each vertex's dual with its blossoms' duals folded
/// in, and the dual objective.
/// </summary>
internal sealed class BlossomDuals
{
    private readonly MatchingResult result;
    private readonly int[] chainStart;
    private readonly int[] chainBlossom;
    private readonly long[] chainSum;

    public BlossomDuals(int n, MatchingResult result)
    {
        this.result = result;

        // Each vertex's blossoms (positive dual only), outermost first: nested blossoms are strictly
        // smaller, and laminarity makes two chains agree on a prefix and differ after it.
        var lists = new List<int>?[n];
        for (var b = 0; b < result.Blossoms.Count; b++)
        {
            if (result.Blossoms[b].Dual != 0)
            {
                foreach (var v in result.Blossoms[b].Vertices)
                {
                    (lists[v] ??= []).Add(b);
                }
            }
        }

        chainStart = new int[n + 1];
        for (var v = 0; v < n; v++)
        {
            chainStart[v + 1] = chainStart[v] + (lists[v]?.Count ?? 0);
        }

        chainBlossom = new int[chainStart[n]];
        chainSum = new long[chainStart[n]];
        for (var v = 0; v < n; v++)
        {
            if (lists[v] is not { } list)
            {
                continue;
            }

            list.Sort((a, b) => result.Blossoms[b].Vertices.Length.CompareTo(result.Blossoms[a].Vertices.Length));
            long sum = 0;
            for (var i = 0; i < list.Count; i++)
            {
                sum += result.Blossoms[list[i]].Dual;
                chainBlossom[chainStart[v] + i] = list[i];
                chainSum[chainStart[v] + i] = sum;
            }
        }
    }

    /// <summary>The outermost blossom with a positive dual holding v (an index into the result's list), or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Outer(int v) => chainStart[v + 1] > chainStart[v] ? chainBlossom[chainStart[v]] : -1;

    /// <summary>The dual of <see cref="Outer"/>(v) (0 without one): two vertices with the same outer blossom share at least this.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long OuterDual(int v) => chainStart[v + 1] > chainStart[v] ? chainSum[chainStart[v]] : 0;

    /// <summary>Sum of the duals of every blossom containing v.</summary>
    public long Total(int v) => chainStart[v + 1] > chainStart[v] ? chainSum[chainStart[v + 1] - 1] : 0;

    /// <summary>Sum of the duals of the blossoms holding both u and v: the common prefix of their chains, found by binary search.</summary>
    public long Shared(int u, int v)
    {
        // A vertex in no blossom, or two in different outermost blossoms, share none: answered before the search.
        var (su, sv) = (chainStart[u], chainStart[v]);
        var (lu, lv) = (chainStart[u + 1] - su, chainStart[v + 1] - sv);
        if (lu == 0 || lv == 0 || chainBlossom[su] != chainBlossom[sv])
        {
            return 0;
        }

        var (lo, hi) = (1, Math.Min(lu, lv));
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (chainBlossom[su + mid] == chainBlossom[sv + mid])
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo == 0 ? 0 : chainSum[su + lo - 1];
    }

    /// <summary>
    /// Vertex duals with every blossom dual added to its vertices: still feasible (an edge inside a blossom
    /// keeps its slack, an edge leaving it gains), and needing no blossoms, so a later solve can start there.
    /// </summary>
    public long[] Flattened()
    {
        var y = (long[])result.VertexDual.Clone();
        for (var v = 0; v < y.Length; v++)
        {
            y[v] += Total(v);
        }

        return y;
    }

    /// <summary>
    /// Half the vertex duals plus each blossom's dual times its matched edges ((|B|-1)/2): for duals feasible
    /// on a graph, no perfect matching of that graph weighs more; for the solve's own matching it is equal.
    /// </summary>
    public Int128 Objective()
    {
        Int128 twice = 0;
        foreach (var y in result.VertexDual)
        {
            twice += y;
        }

        foreach (var b in result.Blossoms)
        {
            twice += (Int128)b.Dual * (b.Vertices.Length - 1);
        }

        return twice / 2;
    }
}
