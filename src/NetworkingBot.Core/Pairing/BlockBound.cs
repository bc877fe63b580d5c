using NetworkingBot.Core.Pairing.Matching;

namespace NetworkingBot.Core.Pairing;

/// <summary>
/// A tighter proof for a block-matched round, for the benchmark's certified figure (production plans do not
/// need it). A pair across slots has fewer shared waking hours, so each member's dual (the blocks' duals, blossoms
/// folded in) is first raised, where needed, to the most a partner outside its slot could weigh
/// (<see cref="PairWeights.UpperBoundOutsideSlot"/>). Then the duals are priced against every pair of members sharing
/// a waking slot; a pair short by d raises the end with the lower dual by d, and each raise then comes down as far as
/// the raises of its pairs' other ends allow (at 100,000 members the certified ratio rose from 0.99736 to 0.99797
/// uniform, 0.99706 to 0.99781 clustered). The result is feasible for the complete graph: half its
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
                // Raised first to cover every partner outside the slot, so the pricing within the slot counts that raise.
                var v = block.Members[i];
                y[v] = Math.Max(flattened[i], weights.UpperBoundOutsideSlot(v));
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
            y[v] += raise[v];
        }

        return y;
    }

    /// <summary>
    /// Every pair of the slot priced; rows split into interleaved stripes, each with its own raises, merged by maximum.
    /// Then each raised member comes down to the least its short pairs need given the others' raises (one sweep, the
    /// largest raises first): a pair whose two ends were both raised for other pairs is covered twice over.
    /// </summary>
    private static void RaiseWithinSlot(PairWeights weights, int[] slot, long[] y, long[] raise)
    {
        var stripes = 4 * Environment.ProcessorCount;
        var raises = new long[stripes][];
        var shorts = new List<(int U, int V, long Deficit)>[stripes];
        Parallel.For(0, stripes, s =>
        {
            var local = raises[s] = new long[weights.Count];
            var found = shorts[s] = [];
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
                        found.Add((u, v, deficit));
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

        Lower([.. shorts.SelectMany(f => f)], raise);
    }

    /// <summary>Lowers each raise to what its member's short pairs need given the other ends' raises; every pair stays covered.</summary>
    private static void Lower((int U, int V, long Deficit)[] pairs, long[] raise)
    {
        var shortOf = pairs.SelectMany(p => new[] { (Member: p.U, Other: p.V, p.Deficit), (Member: p.V, Other: p.U, p.Deficit) }).ToLookup(p => p.Member);

        // Largest first (smallest first, or most short pairs first, certified the same to 0.00001 at 100,000 members).
        foreach (var member in shortOf.OrderByDescending(g => raise[g.Key]).ThenBy(g => g.Key))
        {
            raise[member.Key] = Math.Max(0, member.Max(p => p.Deficit - raise[p.Other]));
        }
    }
}
