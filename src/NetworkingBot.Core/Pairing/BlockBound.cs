using NetworkingBot.Core.Pairing.Matching;

namespace NetworkingBot.Core.Pairing;

/// <summary>
/// A tighter proof for a block-matched round, for the benchmark's certified figure (production plans do not
/// need it). The blocks' duals (blossoms folded in) are priced against every pair of members sharing a waking
/// slot; a pair short by d raises the end with the lower dual by d. A pair across slots has fewer shared waking hours,
/// so each member's dual is raised, where needed, to the most a partner outside its slot could weigh
/// (<see cref="PairWeights.UpperBoundOutsideSlot"/>). The result is feasible for the complete graph: half its
/// sum bounds every perfect matching. The per-member bound of <see cref="BlockMatcher"/> raises every member to
/// its best conceivable partner instead, which few can have at once.
/// </summary>
internal static class BlockBound
{
    public static Int128 Priced(PairWeights weights, IReadOnlyList<BlockSolution> blocks)
    {
        var y = Duals(weights, blocks);
        Int128 twice = 0;
        foreach (var block in blocks)
        {
            foreach (var v in block.Members)
            {
                twice += y[v];
            }
        }

        return twice / 2;
    }

    /// <summary>The raised duals by member index (scaled form: y[u] + y[v] &gt;= 2 w(u, v) for every pair of the round).</summary>
    public static long[] Duals(PairWeights weights, IReadOnlyList<BlockSolution> blocks)
    {
        var y = new long[weights.Count];
        var members = new List<int>();
        foreach (var block in blocks)
        {
            var flattened = new BlossomDuals(block.Members.Length, block.Result).Flattened();
            for (var i = 0; i < block.Members.Length; i++)
            {
                y[block.Members[i]] = flattened[i];
            }

            members.AddRange(block.Members);
        }

        var raise = new long[weights.Count];
        foreach (var slot in members.GroupBy(weights.WakeSlot).Select(g => g.Order().ToArray()))
        {
            RaiseWithinSlot(weights, slot, y, raise);
        }

        foreach (var v in members)
        {
            y[v] = Math.Max(y[v] + raise[v], weights.UpperBoundOutsideSlot(v));
        }

        return y;
    }

    /// <summary>Every pair of the slot priced; rows split into interleaved stripes, each with its own raises, merged by maximum.</summary>
    private static void RaiseWithinSlot(PairWeights weights, int[] slot, long[] y, long[] raise)
    {
        var stripes = 4 * Environment.ProcessorCount;
        var raises = new long[stripes][];
        Parallel.For(0, stripes, s =>
        {
            var local = raises[s] = new long[weights.Count];
            var row = new long[slot.Length];
            var scratch = new int[weights.Count];
            for (var i = s; i < slot.Length - 1; i += stripes)
            {
                var u = slot[i];
                var others = slot.AsSpan(i + 1);
                weights.Row(u, others, row, scratch);
                for (var j = 0; j < others.Length; j++)
                {
                    var v = others[j];
                    var deficit = (2 * row[j]) - y[u] - y[v];
                    if (deficit > 0)
                    {
                        // The lower dual takes the whole deficit: a member whose dual the blocks split low is
                        // raised once to what its best priced partner needs, and the other end keeps its dual.
                        var low = y[u] < y[v] || (y[u] == y[v] && u < v) ? u : v;
                        local[low] = Math.Max(local[low], deficit);
                    }
                }
            }
        });

        foreach (var local in raises)
        {
            foreach (var v in slot)
            {
                raise[v] = Math.Max(raise[v], local[v]);
            }
        }
    }
}
