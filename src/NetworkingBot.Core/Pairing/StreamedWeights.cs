using System.Runtime.CompilerServices;
using NetworkingBot.Core.Pairing.Matching;

namespace NetworkingBot.Core.Pairing;

/// <summary>
/// The complete graph of a round's members without storing it: pricing recomputes each row with
/// <see cref="PairWeights.Row"/> (a few nanoseconds a pair, no allocation) on every core, so 50 million pairs
/// at 10,000 members cost one pass of arithmetic instead of a 400 MB table.
/// </summary>
/// <param name="weights">The round's pair weights.</param>
/// <param name="members">Member index of each vertex.</param>
internal sealed class StreamedWeights(PairWeights weights, int[] members) : ICompleteWeights
{
    /// <summary>Least-slack pairs kept per priced row for <c>near</c> (measured at 10,000: see docs/PERFORMANCE.md).</summary>
    public const int NearPerRow = 4;

    private readonly long[] upper = [.. members.Select(weights.UpperBound)];

    public long this[int u, int v] => weights.Weight(members[u], members[v]);

    /// <summary>Rows priced in parallel (each thread has its own buffers), then sorted.</summary>
    public List<(int U, int V)> Violations(long[] y, BlossomDuals duals, List<(int U, int V, long W)>? near = null)
    {
        var n = members.Length;

        // A row can hold a violated pair only if y[u] + y[v] < 2 w(u, v) <= 2 upper[u] for some later v,
        // so rows whose dual already covers the least later dual are skipped without computing weights.
        var suffixMin = new long[n + 1];
        suffixMin[n] = long.MaxValue;
        for (var v = n - 1; v >= 0; v--)
        {
            suffixMin[v] = Math.Min(suffixMin[v + 1], y[v]);
        }

        var found = new List<(int, int)>();
        var close = new List<(long Slack, int U, int V, long W)>();
        var deepest = 0L;
        var gate = new Lock();
        Parallel.For(
            0,
            n - 1,
            () => new RowScratch(n, weights.Count),
            (u, _, local) =>
            {
                if (y[u] < (2 * upper[u]) - suffixMin[u + 1])
                {
                    PriceRow(u, y, duals, local, near is not null);
                }

                return local;
            },
            local =>
            {
                lock (gate)
                {
                    found.AddRange(local.Found);
                    close.AddRange(local.Near);
                    deepest = Math.Max(deepest, local.Deepest);
                }
            });
        found.Sort();
        if (near is not null && found.Count > 0)
        {
            // Pairs within the deepest deficit of tightness are the ones the repaired solve can reach.
            near.AddRange(close.Where(c => c.Slack <= deepest).OrderBy(c => (c.U, c.V)).Select(c => (c.U, c.V, c.W)));
        }

        return found;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PriceRow(int u, long[] y, BlossomDuals duals, RowScratch local, bool keepNear)
    {
        var row = local.Row.AsSpan(0, members.Length - u - 1);
        weights.Row(members[u], members.AsSpan(u + 1), row, local.Scratch);
        var yu = y[u];
        var best = local.Best;
        var kept = 0;
        var cut = long.MaxValue;
        for (var j = 0; j < row.Length; j++)
        {
            // Blossom duals only add slack, so they are summed only for pairs that look violated or close.
            var quick = yu + y[u + 1 + j] - (2 * row[j]);
            if (quick >= cut || (quick >= 0 && !keepNear))
            {
                continue;
            }

            var slack = quick + (2 * duals.Shared(u, u + 1 + j));
            if (slack < 0)
            {
                local.Found.Add((u, u + 1 + j));
                local.Deepest = Math.Max(local.Deepest, -slack);
            }
            else if (keepNear && slack < cut)
            {
                // Insertion into the row's few least slacks; cut is the largest kept once the buffer is full.
                var i = Math.Min(kept, NearPerRow - 1);
                while (i > 0 && best[i - 1].Slack > slack)
                {
                    best[i] = best[i - 1];
                    i--;
                }

                best[i] = (slack, j);
                kept = Math.Min(kept + 1, NearPerRow);
                cut = kept == NearPerRow ? best[NearPerRow - 1].Slack : long.MaxValue;
            }
        }

        for (var i = 0; i < kept; i++)
        {
            local.Near.Add((best[i].Slack, u, u + 1 + best[i].J, row[best[i].J]));
        }
    }

    /// <summary>One thread's row buffer, history scratch and findings.</summary>
    private sealed class RowScratch(int n, int count)
    {
        public long[] Row { get; } = new long[n];

        public int[] Scratch { get; } = new int[count];

        public (long Slack, int J)[] Best { get; } = new (long, int)[NearPerRow];

        public List<(int, int)> Found { get; } = [];

        public List<(long Slack, int U, int V, long W)> Near { get; } = [];

        public long Deepest { get; set; }
    }
}
