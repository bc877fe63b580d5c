using System.Diagnostics;
using System.Numerics;
using NetworkingBot.Core.Pairing.Matching;

namespace NetworkingBot.Core.Pairing;

/// <summary>
/// Pairing for rounds too large for one complete graph. Members are sorted so that likely partners sit
/// together (waking-hours slot, then interests, then in-person region: the order the weight ranks them in, see
/// <see cref="InterestKeys"/>) and cut into even blocks
/// of about <see cref="PairingEngineOptions.BlockSize"/>; each block is matched exactly on its candidate
/// graph (each member's heaviest and mutual-best partners in the block, see <see cref="CompleteGraphMatcher"/>).
/// No pass over all n² pairs is
/// made: the blocks' duals, raised where needed to each member's <see cref="PairWeights.UpperBound"/>,
/// form a dual solution feasible for the whole complete graph, so the returned bound is a true upper bound
/// on the best possible plan. Blocks are independent, so they are built and solved in parallel; each
/// block's result depends only on its members, so the plan stays deterministic.
/// </summary>
internal sealed class BlockMatcher(PairWeights weights, PairingEngineOptions options, bool priceBound = false)
{
    public MatchOutcome Match(IReadOnlyList<int> indices)
    {
        var started = Stopwatch.GetTimestamp();
        var (blocks, built) = SolveBlocks(indices);
        var upper = new long[weights.Count];
        foreach (var i in indices)
        {
            upper[i] = weights.UpperBound(i);
        }

        var pairs = new List<(int, int)>(indices.Count / 2);
        Int128 weight = 0;
        Int128 twiceBound = 0;
        foreach (var block in blocks)
        {
            var flattened = new BlossomDuals(block.Members.Length, block.Result).Flattened();
            for (var i = 0; i < block.Members.Length; i++)
            {
                // Raised to the member's upper bound, a dual covers every pair leaving the block.
                twiceBound += Math.Max(flattened[i], upper[block.Members[i]]);
                var j = block.Result.Mate[i];
                if (j > i)
                {
                    pairs.Add((block.Members[i], block.Members[j]));
                    weight += weights.Weight(block.Members[i], block.Members[j]);
                }
            }
        }

        // Every bound is proven; the priced one is tighter but costs a pass over every pair within each slot, the
        // slot-exact one tighter still but costs each slot's exact solve.
        var bound = priceBound
            ? Int128.Min(Int128.Min(twiceBound / 2, BlockBound.Priced(weights, blocks)), BlockBound.SlotExact(weights, options, indices))
            : twiceBound / 2;
        return new MatchOutcome(pairs, weight, bound, blocks.Sum(b => b.Edges.Count), Exact: false)
        {
            BuildMs = Stopwatch.GetElapsedTime(started, built).TotalMilliseconds,
            SolveMs = Stopwatch.GetElapsedTime(built).TotalMilliseconds,
            Graph = options.KeepGraph ? [.. blocks.SelectMany(b => b.Edges.Select(e => (b.Members[e.U], b.Members[e.V], e.W)))] : null,
        };
    }

    /// <summary>
    /// Sorts and cuts the members into blocks and solves each exactly on its candidate graph, in parallel;
    /// also returns when the blocks were cut (for the benchmark's split of the time: each block's weights are
    /// built where it is solved, so the rest counts as solving).
    /// </summary>
    public (BlockSolution[] Blocks, long BuiltAt) SolveBlocks(IReadOnlyList<int> indices)
    {
        var interests = new ulong[weights.Count];
        foreach (var slot in indices.GroupBy(weights.WakeSlot))
        {
            InterestKeys([.. slot], interests);
        }

        var order = indices.OrderBy(weights.WakeSlot)
            .ThenByDescending(i => interests[i])
            .ThenBy(i => weights.InPerson(i) && weights.RegionId(i) >= 0 ? weights.RegionId(i) : int.MaxValue)
            .ThenBy(i => i)
            .ToArray();
        var members = SlotBlocks(order);
        var built = Stopwatch.GetTimestamp();

        // Optimal on each block's candidate graph (heaviest and mutual-best partners); pairs outside it are
        // covered by the caller (an upper bound per member, or pricing against every pair). Each block's table of
        // weights is built, solved and dropped in one step, so only one table per thread is alive at a time (all
        // of them at once were 800 MB at 100,000 members in blocks of 2,000), its storage from the shared pool.
        var results = new BlockSolution[members.Length];
        Parallel.For(0, members.Length, b =>
        {
            var block = members[b];
            using var table = new TriangularWeights(block.Length, weights.TableRows(block), pooled: true);
            var matching = CompleteGraphMatcher.Solve(table, block.Length, price: false);
            results[b] = new BlockSolution(block, matching.Result, matching.Edges);
        });
        return (results, built);
    }

    /// <summary>
    /// Per member of one waking slot, its interests as a key that sorts members sharing the most common tags next to
    /// each other: bit 63 is the slot's most common tag, bit 62 the next, and so on (the 64 most common). Within a
    /// waking slot shared interests outrank every other part of the weight, and blocks cut from this order hold
    /// partners who share them. Ranked per slot, not over the round: where each time zone has its favourite tags (the
    /// benchmark's clustered communities), at 100,000 members round 1 certified 0.999310 instead of 0.999180.
    /// Sorted by region first and the raw tag word (tags numbered as first seen), as before, a block's members shared
    /// little: in blocks of 500, 100,000 members certified at 0.992-0.994 and joining a one-zone 10,000-member round's
    /// blocks found 53,000 violated pairs; in this order 0.997 and 10,000 (docs/PERFORMANCE.md).
    /// </summary>
    private void InterestKeys(IReadOnlyList<int> indices, ulong[] keys)
    {
        var words = weights.Count == 0 ? 1 : weights.Tags(0).Length;
        var count = new int[64 * words];
        foreach (var i in indices)
        {
            ForEachTag(weights.Tags(i), t => count[t]++);
        }

        var bit = new int[count.Length];
        Array.Fill(bit, -1);
        var ranked = Enumerable.Range(0, count.Length).Where(t => count[t] > 0).OrderByDescending(t => count[t]).ThenBy(t => t).Take(64).ToArray();
        for (var r = 0; r < ranked.Length; r++)
        {
            bit[ranked[r]] = 63 - r;
        }

        foreach (var i in indices)
        {
            var key = 0UL;
            ForEachTag(weights.Tags(i), t => key |= bit[t] >= 0 ? 1UL << bit[t] : 0);
            keys[i] = key;
        }
    }

    private static void ForEachTag(ReadOnlySpan<ulong> tags, Action<int> action)
    {
        for (var w = 0; w < tags.Length; w++)
        {
            for (var bits = tags[w]; bits != 0; bits &= bits - 1)
            {
                action((64 * w) + BitOperations.TrailingZeroCount(bits));
            }
        }
    }

    /// <summary>
    /// Blocks never straddle two waking-hours slots: a block across a slot boundary would pair a member of
    /// each side with fewer shared hours whenever its part of a slot is odd. Each slot's run is cut into
    /// blocks; a slot with an odd count gives its last member to one small block of such leftovers.
    /// </summary>
    private int[][] SlotBlocks(int[] order)
    {
        var size = Math.Max(4, options.BlockSize & ~1);
        var blocks = new List<int[]>();
        var leftovers = new List<int>();
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end < order.Length && weights.WakeSlot(order[end]) == weights.WakeSlot(order[start]))
            {
                end++;
            }

            var run = order[start..end];
            if (run.Length % 2 == 1)
            {
                leftovers.Add(run[^1]);
                run = run[..^1];
            }

            // In even rounds the cuts fall half a block later, so a block is not last round's block again: there its
            // members had already met their best partners, and the optimum reaches into the neighbouring blocks (at
            // 100,000 members round 2 certified 0.998907 / 0.998786 with the same cuts, 0.999109 / 0.999109 shifted).
            var shift = weights.RoundNumber % 2 == 0 && run.Length > 2 * size ? size / 2 : 0;
            if (shift > 0)
            {
                blocks.Add(run[..shift]);
            }

            blocks.AddRange(Blocks(run.Length - shift, size).Select(b => run[(shift + b.Start)..(shift + b.Start + b.Length)]));
            start = end;
        }

        if (leftovers.Count > 0)
        {
            blocks.Add([.. leftovers]);
        }

        return [.. blocks.Where(b => b.Length > 0)];
    }

    /// <summary>Consecutive even blocks of about the given size; a short remainder joins the last block.</summary>
    private static List<(int Start, int Length)> Blocks(int count, int size)
    {
        var blocks = new List<(int, int)>();
        for (var start = 0; start < count; start += size)
        {
            var length = Math.Min(size, count - start);
            if (length < size / 2 && blocks.Count > 0)
            {
                var (s, l) = blocks[^1];
                blocks[^1] = (s, l + length);
            }
            else
            {
                blocks.Add((start, length));
            }
        }

        return blocks;
    }
}
