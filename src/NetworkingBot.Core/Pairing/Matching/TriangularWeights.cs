using System.Runtime.CompilerServices;

namespace NetworkingBot.Core.Pairing.Matching;

/// <summary>Writes the weights of vertex u with u+1, u+2, ... into the span.</summary>
internal delegate void RowFiller(int u, Span<long> row);

/// <summary>All pair weights of a complete graph, computed once: pricing reads each pair every round.</summary>
internal sealed class TriangularWeights : ICompleteWeights
{
    private readonly int n;
    private readonly long[] weights;

    public TriangularWeights(int n, Func<int, int, long> weight)
        : this(n, (u, row) =>
        {
            for (var j = 0; j < row.Length; j++)
            {
                row[j] = weight(u, u + 1 + j);
            }
        })
    {
    }

    /// <summary>Fills the weights row by row: <paramref name="fill"/> gets u and the span for u+1..n-1.</summary>
    public TriangularWeights(int n, RowFiller fill)
    {
        this.n = n;
        weights = new long[(long)n * (n - 1) / 2];
        var i = 0;
        for (var u = 0; u < n; u++)
        {
            var row = weights.AsSpan(i, n - u - 1);
            fill(u, row);
            i += row.Length;
        }
    }

    public long this[int u, int v] => u < v ? weights[Index(u, v)] : weights[Index(v, u)];

    /// <summary>The heaviest weight at each vertex.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long[] RowMaxima()
    {
        var max = new long[n];
        Array.Fill(max, long.MinValue);
        var i = 0;
        for (var u = 0; u < n; u++)
        {
            var row = weights.AsSpan(i, n - u - 1);
            for (var j = 0; j < row.Length; j++)
            {
                max[u] = Math.Max(max[u], row[j]);
                max[u + 1 + j] = Math.Max(max[u + 1 + j], row[j]);
            }

            i += row.Length;
        }

        return max;
    }

    /// <summary>The k heaviest partners of v (ties to the lower index), heaviest first.</summary>
    public int[] Best(int v, int k) => Best(v, k, null);

    /// <summary>
    /// The k best partners of v: by weight, or with <paramref name="discount"/> by weight minus half the
    /// partner's discount (its own best weight): partners for whom v is nearly as good as their best.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int[] Best(int v, int k, long[]? discount)
    {
        k = Math.Min(k, n - 1);
        if (k <= 0)
        {
            return [];
        }

        var best = new int[k];
        var bestW = new long[k];
        var count = 0;
        for (var u = 0; u < n; u++)
        {
            if (u == v)
            {
                continue;
            }

            var w = discount is null ? this[v, u] : this[v, u] - (discount[u] / 2);
            if (count == k && w <= bestW[k - 1])
            {
                continue;
            }

            var pos = count < k ? count++ : k - 1;
            while (pos > 0 && bestW[pos - 1] < w)
            {
                best[pos] = best[pos - 1];
                bestW[pos] = bestW[pos - 1];
                pos--;
            }

            best[pos] = u;
            bestW[pos] = w;
        }

        return best;
    }

    /// <summary>
    /// Pairs whose slack under the duals is negative: the edges the candidate graph lacks. Rows are read in
    /// storage order; blossom duals only add slack, so they are summed only for pairs that look violated.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<(int U, int V)> Violations(long[] y, BlossomDuals duals, List<(int U, int V, long W)>? near = null, long nearWithin = 0)
    {
        var found = new List<(int, int)>();
        var i = 0L;
        for (var u = 0; u < n; u++)
        {
            var yu = y[u];
            var row = weights.AsSpan((int)i, n - u - 1);
            for (var j = 0; j < row.Length; j++)
            {
                var quick = yu + y[u + 1 + j] - (2 * row[j]);
                if (quick < 0 && quick + (2 * duals.Shared(u, u + 1 + j)) < 0)
                {
                    found.Add((u, u + 1 + j));
                }
            }

            i += row.Length;
        }

        return found;
    }

    private long Index(int u, int v) => ((long)u * ((2L * n) - u - 1) / 2) + (v - u - 1);
}
