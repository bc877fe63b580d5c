using System.Runtime.CompilerServices;
using NetworkingBot.Core.Pairing.Matching;

namespace NetworkingBot.Core.Pairing;

/// <summary>
/// The complete graph of a round's members without storing it: pricing recomputes each row with
/// <see cref="PairWeights.Row"/> (a few nanoseconds a pair, no allocation) on every core, so 50 million pairs
/// at 10,000 members cost one pass of arithmetic instead of a 400 MB table. Rows are cut into chunks of
/// consecutive vertices (the caller's order keeps a waking slot together), and a chunk is skipped when an upper
/// bound on its weights (<see cref="PairWeights.UpperBound(int, int)"/> with the most hours the chunk shares with
/// the row's member) proves no pair in it violated, nor close enough to be kept as near.
/// </summary>
/// <param name="weights">The round's pair weights.</param>
/// <param name="members">Member index of each vertex.</param>
internal sealed partial class StreamedWeights(PairWeights weights, int[] members) : ICompleteWeights
{
    /// <summary>
    /// Least-slack pairs kept per priced row for <c>near</c>. At 10,000 members 4 left a third re-solve and a fourth
    /// pricing in most rounds, 8 leaves one re-solve after the first, 16 only grows the graph (docs/PERFORMANCE.md).
    /// </summary>
    public const int NearPerRow = 8;

    /// <summary>
    /// With <c>nearWithin</c> (a join whose free members will move the duals): least-slack pairs kept per priced row
    /// among chunks of other waking slots as well, whose slacks are rarely among a row's least. Joining the slots at
    /// 10,000 members, the first solve then leaves 1-5 violated pairs instead of 3,405 (4 per row: no better).
    /// </summary>
    public const int NearAcrossPerRow = 2;

    /// <summary>
    /// Least-slack pairs kept per row within its own slot in that same first pricing. Its solve lowers the duals of
    /// whole trees a little, and pairs 17-37 above tight became violated where 8 were kept; with 12 the first round
    /// of a 10,000-member process took 0.99-1.09 s instead of 1.20-1.22 in the same minutes (16 per row: no better).
    /// </summary>
    public const int NearPerRowJoining = 12;

    /// <summary>Consecutive vertices a row is cut into for the bounds that skip them.</summary>
    internal const int Chunk = 64;

    private readonly long[] upper = [.. members.Select(m => weights.UpperBound(m))];
    private readonly int chunks = (members.Length + Chunk - 1) / Chunk;
    private readonly PairWeights.OrderedRows rows = weights.Ordered(members);
    private int[]? chunkHours;
    private long[]? upperByHours;
    private int hoursSpan;

    /// <summary>
    /// Per row and chunk, the heaviest of the row's pairs in the chunk, once a pass has weighed it (long.MaxValue
    /// before): weights do not change between passes, so later passes bound the chunk by it instead of by the row
    /// member's <see cref="PairWeights.UpperBound(int, int)"/>, which assumes a partner sharing every interest. In one
    /// waking slot that bound skipped no chunk at all: every pass of a 10,000-member round weighed all 50 million
    /// pairs, though a pair in eighty could be violated or near (docs/PERFORMANCE.md). Kept up to
    /// <see cref="HeaviestLimit"/> cells (12.5 MB at 10,000 members).
    /// </summary>
    private long[]? heaviest;

    public long this[int u, int v] => weights.Weight(members[u], members[v]);

    /// <summary>
    /// Rows priced in parallel (each thread has its own buffers), then sorted. Near pairs are only returned with
    /// violated ones (or with <paramref name="nearWithin"/>), so after a pass that found few violated pairs, or one
    /// that kept the near pairs a join's free members will reach, which usually leaves the next one to certify the
    /// optimum, the violated pairs are looked for alone first: with no near pairs to keep, the bounds skip most chunks.
    /// At 10,000 members the certifying pass took 17-52 ms instead of 63-100. When that finds a few (at most
    /// n / <see cref="FewViolatedShare"/>), they are returned without near pairs: joining two odd waking slots, the
    /// pass after the first solve took 27-48 ms instead of 49-94, and the next solve left no pair violated all the
    /// same (docs/PERFORMANCE.md). With more the quick pass stops, and the pass is made again keeping near pairs.
    /// </summary>
    public List<(int U, int V)> Violations(long[] y, BlossomDuals duals, List<(int U, int V, long W)>? near = null, long nearWithin = 0, List<long>? slacks = null)
    {
        var likelyFew = near is not null && nearWithin == 0 && lastFound >= 0 && lastFound <= members.Length / 50;
        if (likelyFew && Pass(y, duals, near: null, 0, slacks, stopAfter: members.Length / FewViolatedShare) is { } few)
        {
            lastFound = few.Count;
            return few;
        }

        slacks?.Clear();
        var found = Pass(y, duals, near, nearWithin, slacks, stopAfter: int.MaxValue)!;
        lastFound = nearWithin == 0 ? found.Count : 0;
        return found;
    }

    /// <summary>The most violated pairs a quick pass returns without near pairs, as a share of the vertices (see <see cref="Violations"/>).</summary>
    public const int FewViolatedShare = 100;

    /// <summary>
    /// Violated pairs found by the last pass (0 after a pass with <c>nearWithin</c>, whose near pairs the next solve
    /// reaches; -1 before any pass).
    /// </summary>
    private int lastFound = -1;

    /// <summary>
    /// The duals the first pass will price come from parts each already exact over its own pairs (the waking slots
    /// joined), so it likely finds few violated pairs, if any: it looks for them alone first (see <see cref="Violations"/>).
    /// </summary>
    public void PartsAreExact() => lastFound = 0;

    /// <summary>One pass over every row; null when more than <paramref name="stopAfter"/> violated pairs turn up (the rows left are skipped).</summary>
    private List<(int U, int V)>? Pass(long[] y, BlossomDuals duals, List<(int U, int V, long W)>? near, long nearWithin, List<long>? slacks, int stopAfter)
    {
        var n = members.Length;
        chunkHours ??= ChunkHours();
        upperByHours ??= UpperByHours();
        EnsureHeaviest();

        // A row can hold a violated pair only if y[u] + y[v] < 2 w(u, v) <= 2 upper[u] for some later v,
        // so rows whose dual already covers the least later dual are skipped without computing weights.
        var suffixMin = new long[n + 1];
        suffixMin[n] = long.MaxValue;
        for (var v = n - 1; v >= 0; v--)
        {
            suffixMin[v] = Math.Min(suffixMin[v + 1], y[v]);
        }

        var chunkMin = new long[chunks];
        for (var c = 0; c < chunks; c++)
        {
            var end = Math.Min(n, (c + 1) * Chunk);
            chunkMin[c] = long.MaxValue;
            for (var v = c * Chunk; v < end; v++)
            {
                chunkMin[c] = Math.Min(chunkMin[c], y[v]);
            }
        }

        var found = new List<(int U, int V, long Slack)>();
        var close = new List<(long Slack, int U, int V, long W)>();
        var deepest = 0L;
        var gate = new Lock();
        var count = 0;
        // With nearWithin, the pairs kept in the end are those within it (or within the deepest deficit, when a pair is
        // violated deeper, which a join's first pass has not shown), so rows look no further than it: that pass at
        // 10,000 members took 150-210 ms, and 100-170 with the cap (docs/PERFORMANCE.md).
        var cap = nearWithin > 0 ? nearWithin + 1 : long.MaxValue;
        var pricing = Pricing.For(y, duals, chunkMin, near is not null, near is not null && nearWithin > 0, cap);
        Parallel.For(
            0,
            n - 1,
            () => new RowScratch(n),
            (u, _, local) =>
            {
                if (y[u] < (2 * upper[u]) - suffixMin[u + 1] && Volatile.Read(ref count) <= stopAfter)
                {
                    var before = local.Found.Count;
                    PriceRow(u, pricing, local);
                    if (local.Found.Count > before)
                    {
                        Interlocked.Add(ref count, local.Found.Count - before);
                    }
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
        if (count > stopAfter)
        {
            return null;
        }

        found.Sort();
        if (near is not null && (found.Count > 0 || nearWithin > 0))
        {
            // Pairs within the deepest deficit of tightness are the ones the repaired solve can reach.
            deepest = Math.Max(deepest, nearWithin);
            AddInPairOrder(near, close, deepest, n);
        }

        slacks?.AddRange(found.Select(f => f.Slack));
        return [.. found.Select(f => (f.U, f.V))];
    }

    /// <summary>
    /// Each vertex's row against every other vertex, in parallel, with the same vector filter as a pass; stops once
    /// <paramref name="stopAt"/> violated pairs are counted.
    /// </summary>
    public int ViolatedAt(long[] y, BlossomDuals duals, IReadOnlyList<int> vertices, int stopAt)
    {
        var n = members.Length;
        var pricing = Pricing.For(y, duals, [], keepNear: false, keepAcross: false);
        var count = 0;
        Parallel.For(
            0,
            vertices.Count,
            () => new RowScratch(n),
            (i, state, local) =>
            {
                if (Volatile.Read(ref count) >= stopAt)
                {
                    state.Stop();
                    return local;
                }

                var u = vertices[i];
                var row = local.Row.AsSpan(0, n);
                rows.Spread(u, local.Scratch);
                rows.Weigh(u, 0, row, local.Scratch);
                rows.Clear(u, local.Scratch);
                var violated = 0;
                for (var start = 0; start < n; start += Chunk)
                {
                    var chunk = row.Slice(start, Math.Min(Chunk, n - start));
                    var found = Candidates(pricing, u, start, chunk, 0, local.Candidates);
                    for (var t = 0; t < found; t++)
                    {
                        var v = start + local.Candidates[t];
                        violated += v != u && y[u] + y[v] - (2 * chunk[local.Candidates[t]]) + (2 * duals.Shared(u, v)) < 0 ? 1 : 0;
                    }
                }

                Interlocked.Add(ref count, violated);
                return local;
            },
            _ => { });
        return Math.Min(count, stopAt);
    }

    /// <summary>
    /// The near pairs within <paramref name="deepest"/>, in pair order (the threads found them in any order): sorted
    /// as plain keys, since a join's first pass keeps 130,000 and a query sorting tuples took 30-40 ms of it.
    /// </summary>
    private static void AddInPairOrder(List<(int U, int V, long W)> near, List<(long Slack, int U, int V, long W)> close, long deepest, int n)
    {
        var keys = new long[close.Count];
        var kept = new (int U, int V, long W)[close.Count];
        var count = 0;
        foreach (var (slack, u, v, w) in close)
        {
            if (slack <= deepest)
            {
                keys[count] = ((long)u * n) + v;
                kept[count++] = (u, v, w);
            }
        }

        Array.Sort(keys, kept, 0, count);
        near.AddRange(kept.AsSpan(0, count));
    }

    private long[] UpperByHours()
    {
        var slots = weights.SlotCount;
        var most = 0;
        for (var s = 0; s < slots; s++)
        {
            for (var t = 0; t < slots; t++)
            {
                most = Math.Max(most, weights.SharedHours(s, t));
            }
        }

        hoursSpan = most + 1;
        var result = new long[members.Length * hoursSpan];
        for (var v = 0; v < members.Length; v++)
        {
            for (var h = 0; h < hoursSpan; h++)
            {
                result[(v * hoursSpan) + h] = weights.UpperBound(members[v], h);
            }
        }

        return result;
    }

    /// <summary>Per waking slot and chunk, the most hours a member of the slot shares with a member of the chunk.</summary>
    private int[] ChunkHours()
    {
        var slots = weights.SlotCount;
        var result = new int[slots * chunks];
        for (var v = 0; v < members.Length; v++)
        {
            var slotV = weights.WakeSlot(members[v]);
            for (var s = 0; s < slots; s++)
            {
                ref var cell = ref result[(s * chunks) + (v / Chunk)];
                cell = Math.Max(cell, weights.SharedHours(s, slotV));
            }
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PriceRow(int u, Pricing pricing, RowScratch local)
    {
        var n = members.Length;
        var y = pricing.Y;
        var yu = y[u];
        var slotU = weights.WakeSlot(members[u]);
        var ownHours = weights.SharedHours(slotU, slotU);
        var duals = pricing.Duals;
        var (outerU, pathU) = (pricing.Outer[u], pricing.PathSums[u]);
        var (best, cross) = (local.Best, local.Cross);
        var (kept, keptCross) = (0, 0);
        var (cut, crossCut) = (pricing.Cap, pricing.Cap);
        var keep = pricing.KeepAcross ? NearPerRowJoining : NearPerRow;
        var spread = false;
        var (weighedFrom, weighedTo) = (0, 0);
        for (var c = (u + 1) / Chunk; c < chunks; c++)
        {
            if (Skipped(u, c, slotU, ownHours, pricing, cut, crossCut, out var isCross, out var laneCut))
            {
                continue;
            }

            var start = Math.Max(u + 1, c * Chunk);
            var end = Math.Min(n, (c + 1) * Chunk);
            if (end > weighedTo)
            {
                // The chunks after it that the bounds do not skip either are weighed in the same call: one chunk a call
                // spent as long setting up the vector loop as weighing its 64 pairs (a sixth of a pass at 10,000
                // members in one waking slot, where few chunks are skipped).
                var last = c + 1;
                while (last < chunks && last - c < WeighAhead && !Skipped(u, last, slotU, ownHours, pricing, cut, crossCut, out _, out _))
                {
                    last++;
                }

                if (!spread)
                {
                    rows.Spread(u, local.Scratch);
                    spread = true;
                }

                (weighedFrom, weighedTo) = (start, Math.Min(n, last * Chunk));
                rows.Weigh(u, weighedFrom, local.Row.AsSpan(0, weighedTo - weighedFrom), local.Scratch);
                RecordHeaviest(u, c, last, weighedFrom, local.Row.AsSpan(0, weighedTo - weighedFrom));
            }

            var row = local.Row.AsSpan(start - weighedFrom, end - start);
            var candidates = Candidates(pricing, u, start, row, pricing.KeepNear ? laneCut : Math.Min(laneCut, 0), local.Candidates);
            for (var t = 0; t < candidates; t++)
            {
                var j = local.Candidates[t];
                var v = start + j;
                var quick = yu + y[v] - (2 * row[j]);

                // Two members of the same outer blossom share at least the lesser of their heavy paths' duals: most
                // pairs of a 10,000-member round do (one blossom holds nine in ten), so this rules most of them out
                // without the search.
                var least = quick + (outerU >= 0 && pricing.Outer[v] == outerU ? 2 * Math.Min(pathU, pricing.PathSums[v]) : 0);
                if (least >= laneCut || (least >= 0 && !pricing.KeepNear))
                {
                    continue;
                }

                var slack = quick + (2 * duals.Shared(u, v));
                if (slack < 0)
                {
                    local.Found.Add((u, v, slack));
                    local.Deepest = Math.Max(local.Deepest, -slack);
                }
                else if (pricing.KeepNear && slack < laneCut)
                {
                    if (isCross)
                    {
                        crossCut = laneCut = Math.Min(pricing.Cap, Keep(cross, cross.Length, ref keptCross, (slack, v, row[j])));
                    }
                    else
                    {
                        cut = laneCut = Math.Min(pricing.Cap, Keep(best, keep, ref kept, (slack, v, row[j])));
                    }
                }
            }
        }

        if (spread)
        {
            rows.Clear(u, local.Scratch);
        }

        for (var i = 0; i < kept; i++)
        {
            local.Near.Add((best[i].Slack, u, best[i].V, best[i].W));
        }

        for (var i = 0; i < keptCross; i++)
        {
            local.Near.Add((cross[i].Slack, u, cross[i].V, cross[i].W));
        }
    }

    /// <summary>The heaviest pair of each row in each chunk, as recorded so far (long.MaxValue: not yet), rows times chunks.</summary>
    public long[]? ChunkMaxima => heaviest;

    /// <summary>
    /// Takes over what a solved part of the round knows of its heaviest pairs (<paramref name="part"/>: its
    /// <see cref="ChunkMaxima"/>, or <see cref="TriangularWeights.ChunkMaxima"/> of its table), its members being rows
    /// <paramref name="offset"/> .. offset + count - 1 here: a chunk here wholly inside the part is bounded by the
    /// heaviest of the part's chunks it overlaps (pairs beyond the chunk only raise that bound). Joining two waking slots
    /// of 5,000 members, the first pass then skips most chunks within a slot, which it otherwise weighed in full.
    /// </summary>
    public void Inherit(int offset, int count, long[] part)
    {
        var n = members.Length;
        if (EnsureHeaviest() is not { } cells)
        {
            return;
        }

        var partChunks = (count + Chunk - 1) / Chunk;
        var (firstWhole, endWhole) = ((offset + Chunk - 1) / Chunk, offset + count == n ? chunks : (offset + count) / Chunk);
        for (var i = 0; i < count - 1; i++)
        {
            var u = offset + i;
            for (var c = Math.Max(firstWhole, (u + 1) / Chunk); c < endWhole; c++)
            {
                var (from, to) = (Math.Max(i + 1, (c * Chunk) - offset), Math.Min(count, ((c + 1) * Chunk) - offset));
                var most = long.MinValue;
                for (var local = from / Chunk; local <= (to - 1) / Chunk && most != long.MaxValue; local++)
                {
                    most = Math.Max(most, part[(i * partChunks) + local]);
                }

                cells[(u * chunks) + c] = most;
            }
        }
    }

    /// <summary>The table of <see cref="heaviest"/>, made on first use (all unknown), or null past <see cref="HeaviestLimit"/>.</summary>
    private long[]? EnsureHeaviest()
    {
        if (heaviest is null && (long)members.Length * chunks <= HeaviestLimit)
        {
            heaviest = new long[members.Length * chunks];
            Array.Fill(heaviest, long.MaxValue);
        }

        return heaviest;
    }

    /// <summary>The heaviest pair of row u in chunk c that a pass recorded, or null before one weighed it.</summary>
    internal long? Heaviest(int u, int c) => heaviest?[(u * chunks) + c] is { } most && most != long.MaxValue ? most : null;

    /// <summary>Cells of <see cref="heaviest"/> kept at most (row times chunks): 32 MB.</summary>
    private const long HeaviestLimit = 4_000_000;

    /// <summary>Keeps the heaviest pair of row u in each chunk first .. last - 1, weighed into <paramref name="row"/> from vertex <paramref name="from"/>.</summary>
    private void RecordHeaviest(int u, int first, int last, int from, ReadOnlySpan<long> row)
    {
        if (heaviest is not null)
        {
            TriangularWeights.ChunkMaxima(row, from, members.Length, Chunk, heaviest.AsSpan(u * chunks, chunks), first, last);
        }
    }

    /// <summary>Chunks weighed in one call at most, when the bounds skip none of them (see <see cref="PriceRow"/>).</summary>
    private const int WeighAhead = 16;

    /// <summary>
    /// Whether no pair of chunk c can be violated or near for row u: no pair of the chunk has slack below the bound
    /// (blossom duals only add slack). A chunk wholly of other slots keeps near pairs of its own, below its own cut,
    /// since its slacks are rarely among the row's least.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Skipped(int u, int c, int slotU, int ownHours, Pricing pricing, long cut, long crossCut, out bool isCross, out long laneCut)
    {
        var hours = chunkHours![(slotU * chunks) + c];
        isCross = pricing.KeepAcross && hours < ownHours;
        laneCut = isCross ? crossCut : cut;
        var most = upperByHours![(u * hoursSpan) + hours];
        if (heaviest is not null)
        {
            most = Math.Min(most, heaviest[(u * chunks) + c]);
        }

        var bound = pricing.Y[u] + pricing.ChunkMin[c] - (2 * most);
        if (pricing.ChunkOuter[c] >= 0 && pricing.ChunkOuter[c] == pricing.Outer[u])
        {
            // The whole chunk shares u's outer blossom: each pair shares at least the lesser of its ends' heavy-path
            // sums (as the filter counts them pair by pair). Joining slots with their blossoms kept, the vertex duals
            // alone bound almost no chunk of a slot.
            bound += 2 * Math.Min(pricing.PathSums[u], pricing.ChunkPath[c]);
        }

        return bound >= 0 && (!pricing.KeepNear || bound >= laneCut);
    }

    /// <summary>Insertion into a row's few least slacks; returns the largest kept once the buffer is full.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Keep((long Slack, int V, long W)[] buffer, int capacity, ref int kept, (long Slack, int V, long W) pair)
    {
        var i = Math.Min(kept, capacity - 1);
        while (i > 0 && buffer[i - 1].Slack > pair.Slack)
        {
            buffer[i] = buffer[i - 1];
            i--;
        }

        buffer[i] = pair;
        kept = Math.Min(kept + 1, capacity);
        return kept == capacity ? buffer[capacity - 1].Slack : long.MaxValue;
    }
}
