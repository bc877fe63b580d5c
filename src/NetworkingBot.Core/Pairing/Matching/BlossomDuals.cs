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

        // Each vertex's blossoms (positive dual only), outermost first: nested blossoms are strictly smaller, so
        // visiting the blossoms largest first lists every chain in order, and laminarity makes two chains agree on
        // a prefix and differ after it. Counted, then filled, in flat arrays: at 10,000 members the chains hold
        // half a million entries, and a list per vertex sorted on its own cost tens of milliseconds a pricing pass.
        var blossoms = result.Blossoms;
        var order = Enumerable.Range(0, blossoms.Count).Where(b => blossoms[b].Dual != 0).ToArray();
        var sizes = order.Select(b => -blossoms[b].Vertices.Length).ToArray();
        Array.Sort(sizes, order);
        chainStart = new int[n + 1];
        foreach (var b in order)
        {
            foreach (var v in blossoms[b].Vertices)
            {
                chainStart[v + 1]++;
            }
        }

        for (var v = 0; v < n; v++)
        {
            chainStart[v + 1] += chainStart[v];
        }

        chainBlossom = new int[chainStart[n]];
        chainSum = new long[chainStart[n]];
        var fill = chainStart[..n];
        foreach (var b in order)
        {
            foreach (var v in blossoms[b].Vertices)
            {
                chainBlossom[fill[v]++] = b;
            }
        }

        for (var v = 0; v < n; v++)
        {
            long sum = 0;
            for (var i = chainStart[v]; i < chainStart[v + 1]; i++)
            {
                sum += blossoms[chainBlossom[i]].Dual;
                chainSum[i] = sum;
            }
        }
    }

    /// <summary>The outermost blossom with a positive dual holding v (an index into the result's list), or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Outer(int v) => chainStart[v + 1] > chainStart[v] ? chainBlossom[chainStart[v]] : -1;

    /// <summary>
    /// For each vertex, the sum of the duals along its heavy path: from its outermost blossom down through heavy
    /// children (a blossom's heavy child is its largest), to the deepest such blossom holding it (0 outside every
    /// blossom). Two vertices with the same outermost blossom share at least the lesser of their two sums.
    /// </summary>
    /// <remarks>
    /// Chains at 10,000 members run dozens of blossoms deep, each wrapping the last (a blossom grown a few vertices at
    /// a time), so the outermost blossom's dual, or any fixed number of levels, bounds few pairs' common blossoms. As
    /// a path such a chain is one: two vertices on the same path share its blossoms down to the shallower of their two
    /// deepest, whose sum is the lesser of their two sums (duals are not negative), and share more only when both
    /// leave the path at the same blossom. That lesser sum is a lower bound on <see cref="Shared"/> that vectors
    /// compute, and exact for almost every pair: pricing a 10,000-member join left 0.7 million pairs to the exact
    /// search instead of 5.3 million (docs/PERFORMANCE.md).
    /// </remarks>
    public long[] HeavyPathSums()
    {
        var n = chainStart.Length - 1;
        var blossoms = result.Blossoms;
        var heavy = new int[blossoms.Count];
        Array.Fill(heavy, -1);
        for (var v = 0; v < n; v++)
        {
            // Within a chain, each blossom's parent is the entry before it; ties go to the lower index.
            for (var i = chainStart[v] + 1; i < chainStart[v + 1]; i++)
            {
                var (parent, child) = (chainBlossom[i - 1], chainBlossom[i]);
                var current = heavy[parent];
                var (size, currentSize) = (blossoms[child].Vertices.Length, current < 0 ? 0 : blossoms[current].Vertices.Length);
                if (current < 0 || size > currentSize || (size == currentSize && child < current))
                {
                    heavy[parent] = child;
                }
            }
        }

        var sums = new long[n];
        for (var v = 0; v < n; v++)
        {
            var (last, end) = (chainStart[v], chainStart[v + 1]);
            if (last == end)
            {
                continue;
            }

            while (last + 1 < end && chainBlossom[last + 1] == heavy[chainBlossom[last]])
            {
                last++;
            }

            sums[v] = chainSum[last];
        }

        return sums;
    }

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
