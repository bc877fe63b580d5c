using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NetworkingBot.Core.Pairing.Matching;

/// <summary>Writes the weights of vertex u with u+1, u+2, ... into the span.</summary>
internal delegate void RowFiller(int u, Span<long> row);

/// <summary>All pair weights of a complete graph, computed once: pricing reads each pair every round.</summary>
internal sealed class TriangularWeights : ICompleteWeights, IDisposable
{
    private readonly int n;
    private long[] weights;
    private bool pooled;

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
    /// <param name="n">Vertices.</param>
    /// <param name="fill">Writes a row.</param>
    /// <param name="pooled">
    /// The storage rented from the shared array pool and given back by <see cref="Dispose"/>: a 10,000-member round
    /// fills a table of 6 MB for each of its waking slots, and fresh ones cost the round's first touch of every page
    /// (the first round of a process filled its slots' tables in 8-28 ms, the next in 5-12).
    /// </param>
    public TriangularWeights(int n, RowFiller fill, bool pooled = false)
    {
        this.n = n;
        var length = (long)n * (n - 1) / 2;
        this.pooled = pooled && length <= Array.MaxLength;
        weights = this.pooled ? ArrayPool<long>.Shared.Rent((int)length) : new long[length];
        var i = 0;
        for (var u = 0; u < n; u++)
        {
            var row = weights.AsSpan(i, n - u - 1);
            fill(u, row);
            i += row.Length;
        }
    }

    /// <summary>Gives a pooled table's storage back; the table must not be read after.</summary>
    public void Dispose()
    {
        if (pooled)
        {
            ArrayPool<long>.Shared.Return(weights);
            (weights, pooled) = ([], false);
        }
    }

    public long this[int u, int v] => u < v ? weights[Index(u, v)] : weights[Index(v, u)];

    /// <summary>
    /// Per vertex u below <paramref name="count"/> and chunk of <paramref name="chunk"/> consecutive vertices, the
    /// heaviest weight between u and a later vertex of the chunk below <paramref name="count"/> (long.MaxValue where
    /// there is none): what a pricing pass over these vertices would record (see StreamedWeights.Inherit).
    /// </summary>
    public long[] ChunkMaxima(int count, int chunk)
    {
        var chunks = (count + chunk - 1) / chunk;
        var result = new long[count * chunks];
        Array.Fill(result, long.MaxValue);
        for (var u = 0; u < count - 1; u++)
        {
            var row = weights.AsSpan((int)Index(u, u + 1), count - u - 1);
            ChunkMaxima(row, u + 1, count, chunk, result.AsSpan(u * chunks, chunks), (u + 1) / chunk, chunks);
        }

        return result;
    }

    /// <summary>
    /// Into <paramref name="cells"/>[c] for chunks <paramref name="first"/> .. <paramref name="end"/> - 1, the heaviest
    /// of <paramref name="row"/>'s weights in chunk c, the row holding vertices <paramref name="from"/> onwards of
    /// <paramref name="count"/>: one row's part of <see cref="ChunkMaxima(int, int)"/>, and what a pricing pass records
    /// for the chunks it weighed.
    /// </summary>
    internal static void ChunkMaxima(ReadOnlySpan<long> row, int from, int count, int chunk, Span<long> cells, int first, int end)
    {
        for (var c = first; c < end; c++)
        {
            cells[c] = Heaviest(row[(Math.Max(from, c * chunk) - from)..(Math.Min(count, (c + 1) * chunk) - from)]);
        }
    }

    /// <summary>The largest of <paramref name="values"/> (at least one), four at a time where vectors are accelerated.</summary>
    private static long Heaviest(ReadOnlySpan<long> values)
    {
        var most = long.MinValue;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && values.Length >= Vector256<long>.Count)
        {
            var wide = Vector256.Create(long.MinValue);
            for (; i + Vector256<long>.Count <= values.Length; i += Vector256<long>.Count)
            {
                wide = Vector256.Max(wide, Vector256.Create(values.Slice(i, Vector256<long>.Count)));
            }

            for (var k = 0; k < Vector256<long>.Count; k++)
            {
                most = Math.Max(most, wide[k]);
            }
        }

        for (; i < values.Length; i++)
        {
            most = Math.Max(most, values[i]);
        }

        return most;
    }

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

    /// <summary>
    /// For every vertex at once, its <paramref name="k"/> heaviest partners (ties to the lower index, heaviest first)
    /// and its <paramref name="mutual"/> best by weight minus half the partner's <paramref name="discount"/> (its own
    /// best weight: partners for whom the vertex is nearly as good as their best), in one pass over the table in
    /// storage order. A search per vertex read each vertex's column across every row, a cache miss per pair: at 100,000
    /// members in blocks of 2,000 that was 4.2 of the round's 9 CPU-seconds.
    /// Each pair offers itself to four lists (both ends, both kinds); four pairs at a time are checked against the
    /// lists' floors in vectors, and the few that beat one are offered one by one. Same lists, same order: partners
    /// arrive in increasing index, and a tie keeps the earlier one (for weights above long.MinValue, as all are).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (int[][] Heaviest, int[][] Mutual) BestAll(int k, int mutual, long[] discount)
    {
        var heaviest = new TopK(n, Math.Min(k, n - 1));
        var best = new TopK(n, Math.Min(mutual, n - 1));
        var half = new long[n];
        for (var v = 0; v < n; v++)
        {
            half[v] = discount[v] / 2;
        }

        var (floorH, floorB) = (heaviest.Floor, best.Floor);
        var i = 0;
        for (var u = 0; u < n; u++)
        {
            var row = weights.AsSpan(i, n - u - 1);
            var halfU = half[u];
            var j = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var halfUV = Vector256.Create(halfU);
                for (; j + Vector256<long>.Count <= row.Length; j += Vector256<long>.Count)
                {
                    var v0 = u + 1 + j;
                    var w = Vector256.Create(row.Slice(j, Vector256<long>.Count));
                    var beats = Vector256.GreaterThan(w, Vector256.Create(floorH[u]))
                        | Vector256.GreaterThan(w - Vector256.LoadUnsafe(ref half[0], (nuint)v0), Vector256.Create(floorB[u]))
                        | Vector256.GreaterThan(w, Vector256.LoadUnsafe(ref floorH[0], (nuint)v0))
                        | Vector256.GreaterThan(w - halfUV, Vector256.LoadUnsafe(ref floorB[0], (nuint)v0));
                    for (var mask = beats.ExtractMostSignificantBits(); mask != 0; mask &= mask - 1)
                    {
                        var lane = BitOperations.TrailingZeroCount(mask);
                        Offer(heaviest, best, u, v0 + lane, row[j + lane], half, halfU);
                    }
                }
            }

            for (; j < row.Length; j++)
            {
                Offer(heaviest, best, u, u + 1 + j, row[j], half, halfU);
            }

            i += row.Length;
        }

        return (heaviest.Lists(), best.Lists());
    }

    /// <summary>Pair (u, v) of weight w offered to the four lists, in the order the per-vertex search would meet it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Offer(TopK heaviest, TopK best, int u, int v, long w, long[] half, long halfU)
    {
        heaviest.Offer(u, v, w);
        heaviest.Offer(v, u, w);
        best.Offer(u, v, w - half[v]);
        best.Offer(v, u, w - halfU);
    }

    /// <summary>Per vertex, the k largest offers so far, largest first, the first offered winning ties.</summary>
    private sealed class TopK
    {
        private readonly int k;
        private readonly int[] who;
        private readonly long[] weight;
        private readonly int[] count;

        public TopK(int n, int k)
        {
            this.k = Math.Max(k, 0);
            who = new int[n * this.k];
            weight = new long[n * this.k];
            count = new int[n];
            Floor = new long[n];
            Array.Fill(Floor, this.k > 0 ? long.MinValue : long.MaxValue);
        }

        /// <summary>Per vertex, what an offer must beat: the k-th largest once there are k, before that long.MinValue.</summary>
        public long[] Floor { get; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Offer(int v, int partner, long w)
        {
            if (w <= Floor[v])
            {
                return;
            }

            var at = v * k;
            var c = count[v];
            var pos = c < k ? c : k - 1;
            count[v] = Math.Min(c + 1, k);
            while (pos > 0 && weight[at + pos - 1] < w)
            {
                who[at + pos] = who[at + pos - 1];
                weight[at + pos] = weight[at + pos - 1];
                pos--;
            }

            who[at + pos] = partner;
            weight[at + pos] = w;
            if (count[v] == k)
            {
                Floor[v] = weight[at + k - 1];
            }
        }

        public int[][] Lists() => [.. Enumerable.Range(0, count.Length).Select(v => who.AsSpan(v * k, count[v]).ToArray())];
    }

    /// <summary>
    /// Pairs whose slack under the duals is negative: the edges the candidate graph lacks. Rows are read in
    /// storage order; blossom duals only add slack, so they are summed only for pairs that look violated.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<(int U, int V)> Violations(long[] y, BlossomDuals duals, List<(int U, int V, long W)>? near = null, long nearWithin = 0, List<long>? slacks = null)
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
                if (quick < 0 && quick + (2 * duals.Shared(u, u + 1 + j)) is var slack and < 0)
                {
                    found.Add((u, u + 1 + j));
                    slacks?.Add(slack);
                }
            }

            i += row.Length;
        }

        return found;
    }

    public int ViolatedAt(long[] y, BlossomDuals duals, IReadOnlyList<int> vertices, int stopAt)
    {
        var count = 0;
        foreach (var u in vertices)
        {
            for (var v = 0; v < n && count < stopAt; v++)
            {
                count += v != u && y[u] + y[v] - (2 * this[u, v]) + (2 * duals.Shared(u, v)) < 0 ? 1 : 0;
            }
        }

        return count;
    }

    private long Index(int u, int v) => ((long)u * ((2L * n) - u - 1) / 2) + (v - u - 1);
}
