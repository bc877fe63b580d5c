using System.Numerics;

namespace NetworkingBot.Core.Pairing;

/// <summary>Member sets as bit rows (a community here has at most a few hundred members).</summary>
internal sealed partial class TrioCycle
{
    /// <summary>Row v holds everyone v has never met.</summary>
    private ulong[] FreshGraph()
    {
        var graph = new ulong[n * words];
        for (var v = 0; v < n; v++)
        {
            var row = graph.AsSpan(v * words, words);
            for (var u = 0; u < n; u++)
            {
                row[u >> 6] |= 1UL << (u & 63);
            }

            row[v >> 6] &= ~(1UL << (v & 63));
            foreach (var (partner, _) in scorer.Weights.Met(v))
            {
                row[partner >> 6] &= ~(1UL << (partner & 63));
            }
        }

        return graph;
    }

    /// <summary>Treats a pair as met from here on (its edge is taken).</summary>
    private void Unlink(int a, int b)
    {
        fresh[(a * words) + (b >> 6)] &= ~(1UL << (b & 63));
        fresh[(b * words) + (a >> 6)] &= ~(1UL << (a & 63));
    }

    private bool Fresh(int a, int b) => (fresh[(a * words) + (b >> 6)] & (1UL << (b & 63))) != 0;

    private ulong[] Bits(IEnumerable<int> members)
    {
        var set = new ulong[words];
        foreach (var i in members)
        {
            Set(set, i);
        }

        return set;
    }

    private static bool Has(ulong[] set, int i) => (set[i >> 6] & (1UL << (i & 63))) != 0;

    private static void Set(Span<ulong> set, int i) => set[i >> 6] |= 1UL << (i & 63);

    private static void Clear(Span<ulong> set, int i) => set[i >> 6] &= ~(1UL << (i & 63));

    /// <summary>The member of the set with the fewest fresh partners in it, the set's size, and every member's count.</summary>
    private (int Member, int Size, int[] Degree) MostConstrained(ulong[] set)
    {
        var degree = new int[n];
        var (best, size) = (-1, 0);
        foreach (var v in Members(set))
        {
            size++;
            var row = fresh.AsSpan(v * words, words);
            for (var w = 0; w < words; w++)
            {
                degree[v] += BitOperations.PopCount(row[w] & set[w]);
            }

            best = best < 0 || degree[v] < degree[best] ? v : best;
        }

        return (best, size, degree);
    }

    /// <summary>v's fresh partners within the set.</summary>
    private List<int> Neighbours(int v, ulong[] set)
    {
        var result = new List<int>();
        for (var w = 0; w < words; w++)
        {
            var bits = fresh[(v * words) + w] & set[w];
            while (bits != 0)
            {
                result.Add((w << 6) + BitOperations.TrailingZeroCount(bits));
                bits &= bits - 1;
            }
        }

        return result;
    }

    private IEnumerable<int> Members(ulong[] set)
    {
        for (var w = 0; w < words; w++)
        {
            var bits = set[w];
            while (bits != 0)
            {
                yield return (w << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
            }
        }
    }
}
