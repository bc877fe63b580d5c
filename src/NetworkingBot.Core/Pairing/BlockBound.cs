using NetworkingBot.Core.Pairing.Matching;

namespace NetworkingBot.Core.Pairing;

/// <summary>
/// A tighter proof for a block-matched round, for the benchmark's certified figure (production plans do not
/// need it). A pair across slots has fewer shared waking hours, so each member's dual (the blocks' duals, blossoms
/// folded in) is first raised, where needed, to the most a partner outside its slot could weigh
/// (<see cref="PairWeights.UpperBoundOutsideSlot"/>). Then the duals are priced against every pair of members sharing
/// a waking slot, and the pairs short of their weight are covered by the least total raise (a fractional vertex
/// cover; before, the end with the lower dual took each pair's whole deficit: at 100,000 members in blocks of 500 the
/// certified ratio rose from 0.99736 to 0.99797 uniform, 0.99706 to 0.99781 clustered with one sweep lowering those
/// raises, a little more with the least cover). The result is feasible for the complete graph: half its
/// sum bounds every perfect matching. The per-member bound of <see cref="BlockMatcher"/> raises every member to
/// its best conceivable partner instead, which few can have at once.
/// </summary>
internal static class BlockBound
{
    /// <summary>
    /// The bound of the slots made exact (<see cref="ExactBlockMatcher.SlotBound"/>): the duals move across the blocks
    /// as the optimum's do. Slower (at 100,000 members, eight slots of 12,500 made exact: 11-13 s a round against 5) but
    /// nearly tight: round 1 certified 0.99931 / 0.99918 where the blocks' raised duals gave 0.99890 / 0.99874, and the
    /// exact optimum shows 0.99932 / 0.99919 (docs/PERFORMANCE.md).
    /// </summary>
    public static Int128 SlotExact(PairWeights weights, PairingEngineOptions options, IReadOnlyList<int> indices) =>
        new ExactBlockMatcher(weights, options).SlotBound(indices);

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
    /// Every pair of the slot priced; rows split into interleaved stripes, each collecting the pairs short of their
    /// weight. The raises that cover them are then chosen together (<see cref="Cover"/>): raising the lower end of each
    /// by its whole deficit covered many pairs twice over.
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

        Cover([.. shorts.SelectMany(f => f)], raise);
    }

    /// <summary>
    /// The least total raise that covers every short pair (r_u + r_v >= deficit), up to rounding: a fractional vertex
    /// cover, the dual of a maximum-weight fractional matching of the short pairs, found exactly as a maximum-weight
    /// matching of the bipartite double cover (member u as u' and u"; each short pair as u'-v" and v'-u"), whose duals
    /// halve into it. At 100,000 members it certifies 0.99856 / 0.99835 where one sweep of <see cref="Lower"/> certified
    /// 0.99846 / 0.99823, in the same time. Deficits too large for the solver's weights fall back to the sweep.
    /// </summary>
    private static void Cover((int U, int V, long Deficit)[] pairs, long[] raise)
    {
        if (pairs.Length == 0 || pairs.Max(p => p.Deficit) > MaxWeightMatching.MaxAbsWeight / 4)
        {
            Lower(pairs, raise);
            return;
        }

        var index = new Dictionary<int, int>();
        foreach (var (u, v, _) in pairs)
        {
            index.TryAdd(u, index.Count);
            index.TryAdd(v, index.Count);
        }

        var edges = new List<(int U, int V, long W)>(2 * pairs.Length);
        foreach (var (u, v, d) in pairs)
        {
            var (a, b) = (index[u], index[v]);
            edges.Add((2 * a, (2 * b) + 1, d));
            edges.Add((2 * b, (2 * a) + 1, d));
        }

        var y = MaxWeightMatching.Solve(2 * index.Count, edges, maxCardinality: false).VertexDual;
        foreach (var (member, i) in index)
        {
            // Scaled duals: y(u') + y(v") >= 2 d, so a quarter of u's two duals, rounded up, covers each pair from both sides.
            raise[member] = (y[2 * i] + y[(2 * i) + 1] + 3) / 4;
        }
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
