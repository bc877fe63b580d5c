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
    private readonly long[] upper = [.. members.Select(weights.UpperBound)];

    public long this[int u, int v] => weights.Weight(members[u], members[v]);

    /// <summary>Rows priced in parallel (each thread has its own row buffer and history scratch), then sorted.</summary>
    public List<(int U, int V)> Violations(long[] y, BlossomDuals duals)
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
        var gate = new Lock();
        Parallel.For(
            0,
            n - 1,
            () => (Row: new long[n], Scratch: new int[weights.Count], Found: new List<(int, int)>()),
            (u, _, local) =>
            {
                if (y[u] < (2 * upper[u]) - suffixMin[u + 1])
                {
                    PriceRow(u, y, duals, local.Row, local.Scratch, local.Found);
                }

                return local;
            },
            local =>
            {
                lock (gate)
                {
                    found.AddRange(local.Found);
                }
            });
        found.Sort();
        return found;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PriceRow(int u, long[] y, BlossomDuals duals, long[] buffer, int[] scratch, List<(int, int)> found)
    {
        var row = buffer.AsSpan(0, members.Length - u - 1);
        weights.Row(members[u], members.AsSpan(u + 1), row, scratch);
        var yu = y[u];
        for (var j = 0; j < row.Length; j++)
        {
            // Blossom duals only add slack, so they are summed only for pairs that look violated.
            var quick = yu + y[u + 1 + j] - (2 * row[j]);
            if (quick < 0 && quick + (2 * duals.Shared(u, u + 1 + j)) < 0)
            {
                found.Add((u, u + 1 + j));
            }
        }
    }
}
