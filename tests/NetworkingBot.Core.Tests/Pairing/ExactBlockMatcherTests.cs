using NetworkingBot.Core.Pairing;
using NetworkingBot.Core.Pairing.Matching;
using Xunit;

namespace NetworkingBot.Core.Tests.Pairing;

/// <summary>
/// Rounds above the table limit: blocks priced against every pair must reach the complete graph's optimum
/// (the table path's, which a certificate over all pairs proves), and the streamed pricing must find exactly
/// the pairs the stored table finds.
/// </summary>
public sealed class ExactBlockMatcherTests
{
    private static readonly PairingEngineOptions Table = PairingEngineOptions.Default with { RepeatFreeLimit = 0 };
    private static readonly PairingEngineOptions Streamed = Table with { TableLimit = 20, BlockSize = 24 };

    /// <summary>
    /// A random community of <paramref name="n"/> with a six-round history and its weights; members may be reshaped
    /// (time zones) before the history is drawn, so each seed draws in the same order as before.
    /// </summary>
    private static (PairingRequest Request, PairWeights Weights) RandomRound(Random random, int n, int seed = 1, Func<PairingMember, int, PairingMember>? reshape = null)
    {
        var members = Community.RandomMembers(random, n);
        if (reshape is not null)
        {
            members = [.. members.Select(reshape)];
        }

        var request = Community.Request(members, Community.RandomHistory(random, members, 6), round: 6, seed: seed);
        return (request, MaxWeightPairingEngine.ScorerFor(request).Weights);
    }

    /// <summary>A random round's weights, its members in waking-slot order (as the exact path orders them) and their table.</summary>
    private static (PairWeights Weights, int[] Ids, TriangularWeights Table) InSlotOrder(Random random, int n)
    {
        var (_, weights) = RandomRound(random, n);
        int[] ids = [.. Enumerable.Range(0, n).OrderBy(weights.WakeSlot)];
        return (weights, ids, new TriangularWeights(ids.Length, (u, v) => weights.Weight(ids[u], ids[v])));
    }

    /// <summary>Plans the round with <paramref name="options"/>: valid, exact, certified, and as heavy as the table path's optimum.</summary>
    private static (PairingPlan Plan, MatchOutcome Proof) PlanExact(PairingRequest request, PairingEngineOptions options, string round = "")
    {
        var (plan, proof) = new MaxWeightPairingEngine(options).PlanWithProof(request);
        var (_, table) = new MaxWeightPairingEngine(Table).PlanWithProof(request);

        PairingEngineInvariantTests.AssertValid(request, plan);
        Assert.True(proof!.Exact, round);
        Assert.True(table!.Weight == proof.Weight, $"{round}: {proof.Weight} against the table's {table.Weight}");
        Assert.True(proof.Weight == proof.Bound, $"{round}: bound {proof.Bound}");
        return (plan, proof);
    }

    [Theory]
    [InlineData(60, 11)]
    [InlineData(120, 2)]
    [InlineData(160, 3)]
    [InlineData(200, 4)]
    [InlineData(121, 5)]
    public void Priced_blocks_reach_the_complete_graphs_optimum(int n, int seed)
    {
        var random = new Random(seed);
        var members = n % 40 == 0 ? RepeatFreePlanningTests.Clustered(random, n) : Community.RandomMembers(random, n);
        var request = Community.Request(members, Community.RandomHistory(random, members, 6), round: 6, seed: seed);

        var (plan, proof) = PlanExact(request, Streamed);
        var (_, blocks) = new MaxWeightPairingEngine(Streamed with { ExactLimit = 20 }).PlanWithProof(request);

        Assert.Equal(PairingEngineInvariantTests.Describe(plan), PairingEngineInvariantTests.Describe(new MaxWeightPairingEngine(Streamed).Plan(request)));

        // The blocks alone must not already be optimal here, or this test would not show that pricing works.
        Assert.True(blocks!.Weight < proof.Weight, $"blocks alone reached {blocks.Weight}, the optimum is {proof.Weight}");
    }

    [Theory]
    [InlineData(121, 21, 60, false)] // slots of ~15-60 from tables and the largest (~60) from blocks; odd ones
    [InlineData(160, 22, 45, false)]
    [InlineData(200, 23, 80, false)]
    [InlineData(80, 24, 20, true)] // one slot (every member in UTC): its join is the whole round's
    [InlineData(81, 25, 20, true)]
    public void Slots_solved_from_tables_or_blocks_with_odd_counts_reach_the_complete_graphs_optimum(int n, int seed, int tableLimit, bool oneZone)
    {
        var (request, weights) = RandomRound(new Random(seed), n, seed, oneZone ? (m, _) => m with { Profile = m.Profile with { TimeZone = "UTC" } } : null);
        var slots = Enumerable.Range(0, n).GroupBy(weights.WakeSlot).Select(g => g.Count()).ToList();

        // What this test is for: odd slots, slots at and above the table limit, or a round of one slot.
        Assert.True(oneZone ? slots.Count == 1 : slots.Any(c => c % 2 == 1) && slots.Any(c => c > tableLimit) && slots.Any(c => c <= tableLimit), string.Join(",", slots));
        PlanExact(request, Table with { TableLimit = tableLimit, BlockSize = 24 });
    }

    [Fact]
    public void Random_rounds_in_one_to_four_zones_reach_the_complete_graphs_optimum_through_every_slot_path()
    {
        string[] zones = ["UTC", "America/New_York", "Asia/Kolkata", "Australia/Sydney"];
        var (oddSlots, tableSlots, blockSlots, oneSlot) = (0, 0, 0, 0);
        for (var seed = 100; seed < 130; seed++)
        {
            var random = new Random(seed);
            var n = random.Next(40, 161);
            var used = random.Next(1, zones.Length + 1);
            var (request, weights) = RandomRound(random, n, seed, (m, _) => m with { Profile = m.Profile with { TimeZone = zones[random.Next(used)] } });
            var options = Table with { TableLimit = random.Next(10, 61), BlockSize = 24 };
            PlanExact(request, options, $"seed {seed}");

            var slots = Enumerable.Range(0, n).GroupBy(weights.WakeSlot).Select(g => g.Count()).ToList();
            oddSlots += slots.Count(c => c % 2 == 1);
            tableSlots += slots.Count(c => c <= options.TableLimit);
            blockSlots += slots.Count(c => c > options.TableLimit);
            oneSlot += slots.Count == 1 ? 1 : 0;
        }

        // The seeds must reach every path, or the test shows less than its name says.
        Assert.True(oddSlots > 10 && tableSlots > 10 && blockSlots > 10 && oneSlot > 2, $"odd {oddSlots}, tables {tableSlots}, blocks {blockSlots}, one slot {oneSlot}");
    }

    [Fact]
    public void The_slots_join_keeps_their_blossoms_and_starts_with_fewer_members_free_than_with_them_folded()
    {
        string[] zones = ["UTC", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "Europe/Berlin", "America/Los_Angeles"];
        var (keptFree, foldedFree, rounds) = (0, 0, 0);
        for (var seed = 300; seed < 330; seed++)
        {
            var random = new Random(seed);
            var n = 2 * random.Next(40, 121);
            var (_, weights) = RandomRound(random, n, seed, (m, _) => m with { Profile = m.Profile with { TimeZone = zones[random.Next(zones.Length)] } });
            var slots = Enumerable.Range(0, n).GroupBy(weights.WakeSlot).Select(g => g.Count()).ToList();
            var odd = slots.Count(c => c % 2 == 1);
            if (odd == 0)
            {
                continue;
            }

            // Every slot from a table, whose solver the join keeps; the same join with the blossoms folded beside it.
            var options = Table with { TableLimit = 400 };
            int[] indices = [.. Enumerable.Range(0, n)];
            var kept = new ExactBlockMatcher(weights, options).Match(indices);
            var folded = new ExactBlockMatcher(weights, options, keepBlossoms: false).Match(indices);

            Assert.True(kept.Weight == kept.Bound, $"seed {seed}: weight {kept.Weight}, bound {kept.Bound}");
            Assert.True(kept.Weight == folded.Weight, $"seed {seed}: {kept.Weight} against {folded.Weight} folded");
            Assert.True(kept.JoinFree >= odd, $"seed {seed}: {kept.JoinFree} free, {odd} odd slots");
            (keptFree, foldedFree, rounds) = (keptFree + kept.JoinFree!.Value, foldedFree + folded.JoinFree!.Value, rounds + 1);
        }

        // Kept, the join frees each odd slot's left-out member and the base of each blossom the stand-in's removal
        // dissolved; folded, every matched edge inside a blossom comes loose and its ends start free too.
        Assert.True(rounds >= 20, $"{rounds} rounds with odd slots");
        Assert.True(foldedFree > 2 * keptFree, $"kept {keptFree} free, folded {foldedFree}");
    }

    [Fact]
    public void A_slot_of_one_member_and_an_odd_slot_above_the_table_limit_reach_the_complete_graphs_optimum()
    {
        var (request, _) = RandomRound(new Random(26), 62, 26, (m, i) => m with { Profile = m.Profile with { TimeZone = i == 0 ? "Asia/Kolkata" : "UTC" } });

        var (plan, _) = PlanExact(request, Streamed);

        var lone = request.Members[0].UserId;
        Assert.Contains(plan.Groups, g => g.Members.Contains(lone) && g.Members.Count == 2);
    }

    [Fact]
    public void Pricing_a_start_with_free_vertices_solves_it_even_when_no_pair_is_violated()
    {
        var random = new Random(31);
        var (request, weights) = RandomRound(random, 60);
        var ids = Enumerable.Range(0, 60).ToArray();
        var table = new TriangularWeights(60, (u, v) => weights.Weight(u, v));
        var optimum = CompleteGraphMatcher.Solve(table, 60);

        // Nobody matched, and every dual twice the member's heaviest pair: feasible for every pair, so pricing finds
        // nothing violated, yet nothing is matched. A cycle lets the graph match everyone.
        var graph = new CandidateGraph(60);
        for (var v = 0; v < 60; v++)
        {
            graph.Add(v, (v + 1) % 60, table[v, (v + 1) % 60]);
        }

        var y = ids.Select(v => ids.Where(u => u != v).Max(u => 2 * table[u, v])).ToArray();
        var start = new MatchingResult([.. ids.Select(_ => -1)], y, []);
        Assert.Empty(table.Violations(y, new BlossomDuals(60, start)));

        var priced = CompleteGraphMatcher.PriceAndSolve(new StreamedWeights(weights, ids), graph, start, solves: 0);

        Assert.All(priced.Result.Mate, m => Assert.True(m >= 0));
        Assert.Equal(optimum.DualObjective, MaxWeightMatching.Weight(priced.Edges, priced.Result.Mate));
        Assert.Equal(optimum.DualObjective, priced.DualObjective);
    }

    [Theory]
    [InlineData(90, false)]
    [InlineData(400, true)]
    public void Streamed_pricing_finds_exactly_the_pairs_the_stored_table_finds(int n, bool bySlot)
    {
        var random = new Random(7);
        var (request, weights) = RandomRound(random, n);

        // In slot order (as the exact path orders its members) whole chunks of other slots are skipped by bound.
        var ids = bySlot ? [.. Enumerable.Range(0, n).OrderBy(weights.WakeSlot)] : Enumerable.Range(0, n).Reverse().ToArray();
        var table = new TriangularWeights(ids.Length, (u, v) => weights.Weight(ids[u], ids[v]));
        var streamed = new StreamedWeights(weights, ids);

        // Duals of a real solve on a sparse graph (with its blossoms), then the same duals lowered at random.
        var sparse = CompleteGraphMatcher.Solve(table, ids.Length, candidatesPerVertex: 2, mutualCandidates: 0, price: false);
        var lowered = sparse.Result with { VertexDual = [.. sparse.Result.VertexDual.Select(y => y - random.Next(0, 1 << 20))] };
        foreach (var result in new[] { sparse.Result, lowered })
        {
            var duals = new BlossomDuals(ids.Length, result);
            var (expectedSlacks, slacks) = (new List<long>(), new List<long>());
            var expected = table.Violations(result.VertexDual, duals, slacks: expectedSlacks);

            Assert.NotEmpty(expected);
            Assert.Equal(expected, streamed.Violations(result.VertexDual, duals, slacks: slacks));
            Assert.Equal(expectedSlacks, slacks);
            Assert.Equal(table[3, 77], streamed[3, 77]);

            // Violated pairs at a few vertices, each counted once per end among them, and the count stopped early.
            var sample = Enumerable.Range(0, ids.Length).Where(v => v % 7 == 3).ToList();
            var atSample = expected.Sum(p => (sample.Contains(p.U) ? 1 : 0) + (sample.Contains(p.V) ? 1 : 0));
            Assert.True(atSample > 1);
            Assert.Equal(atSample, table.ViolatedAt(result.VertexDual, duals, sample, stopAt: int.MaxValue));
            Assert.Equal(atSample, streamed.ViolatedAt(result.VertexDual, duals, sample, stopAt: int.MaxValue));
            Assert.Equal(atSample - 1, streamed.ViolatedAt(result.VertexDual, duals, sample, stopAt: atSample - 1));
        }
    }

    [Fact]
    public void Later_passes_bound_each_chunk_by_the_heaviest_pair_an_earlier_pass_weighed_there()
    {
        var random = new Random(9);
        var (weights, ids, table) = InSlotOrder(random, 300);
        var streamed = new StreamedWeights(weights, ids);
        var sparse = CompleteGraphMatcher.Solve(table, ids.Length, candidatesPerVertex: 2, mutualCandidates: 0, price: false);
        var duals = new BlossomDuals(ids.Length, sparse.Result);
        Assert.Null(streamed.Heaviest(0, 1));

        var first = streamed.Violations(sparse.Result.VertexDual, duals, []);

        // Every chunk a row weighed holds its heaviest pair exactly (a bound below it would skip a violated pair).
        var recorded = 0;
        for (var u = 0; u < ids.Length - 1; u++)
        {
            for (var c = (u + 1) / StreamedWeights.Chunk; c * StreamedWeights.Chunk < ids.Length; c++)
            {
                if (streamed.Heaviest(u, c) is { } most)
                {
                    var from = Math.Max(u + 1, c * StreamedWeights.Chunk);
                    var to = Math.Min(ids.Length, (c + 1) * StreamedWeights.Chunk);
                    Assert.Equal(Enumerable.Range(from, to - from).Max(v => table[u, v]), most);
                    recorded++;
                }
            }
        }

        Assert.True(recorded > ids.Length, $"only {recorded} chunks recorded");

        // A second pass with the same duals, bounded by what the first recorded, finds the same pairs.
        Assert.Equal(first, streamed.Violations(sparse.Result.VertexDual, duals, []));
    }

    [Fact]
    public void A_pass_that_looks_for_violated_pairs_alone_first_returns_what_a_full_pass_returns()
    {
        var random = new Random(10);
        var (weights, ids, table) = InSlotOrder(random, 300);
        var sparse = CompleteGraphMatcher.Solve(table, ids.Length, candidatesPerVertex: 2, mutualCandidates: 0, price: false);
        var optimum = CompleteGraphMatcher.Solve(table, ids.Length);

        // Each case prices one set of duals twice: on a fresh instance (a full pass keeping near pairs), and on one
        // told its parts are exact, so it first looks for violated pairs alone.
        foreach (var result in new[] { optimum.Result, sparse.Result, sparse.Result with { VertexDual = [.. sparse.Result.VertexDual.Select(y => y - random.Next(0, 1 << 16))] } })
        {
            var duals = new BlossomDuals(ids.Length, result);
            var (near, slacks) = (new List<(int U, int V, long W)>(), new List<long>());
            var full = new StreamedWeights(weights, ids).Violations(result.VertexDual, duals, near, slacks: slacks);
            var quick = new StreamedWeights(weights, ids);
            quick.PartsAreExact();
            var (quickNear, quickSlacks) = (new List<(int U, int V, long W)>(), new List<long>());

            Assert.Equal(full, quick.Violations(result.VertexDual, duals, quickNear, slacks: quickSlacks));
            Assert.Equal(near, quickNear);
            Assert.Equal(slacks, quickSlacks);
            Assert.Equal(table.Violations(result.VertexDual, duals), full);
        }

        // A few violated pairs (at most n / FewViolatedShare) come back as a full pass finds them, without near pairs:
        // one member's dual lowered just below its third least slack leaves two of its pairs violated.
        var y = optimum.Result.VertexDual;
        var optimal = new BlossomDuals(ids.Length, optimum.Result);
        List<long> Slacks(int u) => [.. Enumerable.Range(0, ids.Length).Where(v => v != u).Select(v => y[u] + y[v] - (2 * table[u, v]) + (2 * optimal.Shared(u, v))).Order()];
        var member = Enumerable.Range(0, ids.Length).First(u => Slacks(u).Take(3).Distinct().Count() == 3);
        var least = Slacks(member);
        var lowered = optimum.Result with { VertexDual = [.. y.Select((d, v) => v == member ? d - least[2] : d)] };
        var loweredDuals = new BlossomDuals(ids.Length, lowered);
        var (fullNear, fullSlacks) = (new List<(int U, int V, long W)>(), new List<long>());
        var all = new StreamedWeights(weights, ids).Violations(lowered.VertexDual, loweredDuals, fullNear, slacks: fullSlacks);
        var few = new StreamedWeights(weights, ids);
        few.PartsAreExact();
        var (fewNear, fewSlacks) = (new List<(int U, int V, long W)>(), new List<long>());

        Assert.Equal(2, all.Count);
        Assert.True(2 <= ids.Length / StreamedWeights.FewViolatedShare);
        Assert.Equal(all, few.Violations(lowered.VertexDual, loweredDuals, fewNear, slacks: fewSlacks));
        Assert.Equal(fullSlacks, fewSlacks);
        Assert.NotEmpty(fullNear);
        Assert.Empty(fewNear);
    }

    [Fact]
    public void A_chunk_inside_the_rows_outer_blossom_is_bounded_by_the_duals_its_pairs_surely_share()
    {
        var random = new Random(12);
        var (weights, ids, table) = InSlotOrder(random, 300);
        var optimum = CompleteGraphMatcher.Solve(table, ids.Length);
        var feasible = new BlossomDuals(ids.Length, optimum.Result).Flattened();

        // Nested blossoms over the first 70, 150 and all 300 vertices: a vertex's heavy-path sum is the duals of the
        // blossoms it is in, and two vertices share the lesser. The vertex duals are lowered by each one's sum and a
        // little more, so the pairs that share least, and some that share most, come out violated.
        // The duals are of the order of the weights' spread, or they would not change which chunks a bound can skip.
        var all = Enumerable.Range(0, ids.Length).SelectMany(u => Enumerable.Range(u + 1, ids.Length - u - 1).Select(v => table[u, v])).ToList();
        var spread = all.Max() - all.Min();
        (int Size, long Dual)[] nested = [(300, 3 * spread), (150, 2 * spread), (70, spread)];
        long Path(int v) => nested.Where(b => v < b.Size).Sum(b => b.Dual);
        var y = feasible.Select((d, v) => d - Path(v) - random.NextInt64(0, spread / 8)).ToArray();
        var result = new MatchingResult(optimum.Result.Mate, y, [.. nested.Select(b => new MatchingBlossom(b.Dual, [.. Enumerable.Range(0, b.Size)]))]);
        var duals = new BlossomDuals(ids.Length, result);
        var expected = table.Violations(y, duals);

        Assert.Contains(expected, p => p.U < 70 && p.V >= 150);
        Assert.Contains(expected, p => p.U < 70 && p.V < 70);
        var streamed = new StreamedWeights(weights, ids);
        Assert.Equal(expected, streamed.Violations(y, duals, []));
        Assert.Equal(expected, streamed.Violations(y, duals, []));
    }

    [Theory]
    [InlineData(37)]
    [InlineData(64)]
    [InlineData(101)]
    public void Chunk_bounds_taken_over_from_solved_parts_are_never_below_the_heaviest_pair(int split)
    {
        var random = new Random(split);
        var (weights, ids, table) = InSlotOrder(random, 260);
        var streamed = new StreamedWeights(weights, ids);

        // Two parts, the first ending inside a chunk unless split is a multiple of 64, each with its own table.
        foreach (var (offset, count) in new[] { (0, split), (split, ids.Length - split) })
        {
            var part = new TriangularWeights(count, (u, v) => table[offset + u, offset + v]);
            streamed.Inherit(offset, count, part.ChunkMaxima(count, StreamedWeights.Chunk));
        }

        var (taken, chunks) = (0, (ids.Length + StreamedWeights.Chunk - 1) / StreamedWeights.Chunk);
        for (var u = 0; u < ids.Length - 1; u++)
        {
            for (var c = (u + 1) / StreamedWeights.Chunk; c < chunks; c++)
            {
                var from = Math.Max(u + 1, c * StreamedWeights.Chunk);
                var to = Math.Min(ids.Length, (c + 1) * StreamedWeights.Chunk);
                var samePart = (u < split) == (from < split) && (u < split) == (to - 1 < split);
                if (streamed.Heaviest(u, c) is { } most)
                {
                    Assert.True(samePart, $"row {u} took a bound for chunk {c}, which crosses a part's end");
                    Assert.True(most >= Enumerable.Range(from, to - from).Max(v => table[u, v]), $"row {u}, chunk {c}");
                    taken++;
                }
            }
        }

        Assert.True(taken > ids.Length, $"only {taken} bounds taken over");

        // Passes bounded by them find what the table finds.
        var sparse = CompleteGraphMatcher.Solve(table, ids.Length, candidatesPerVertex: 2, mutualCandidates: 0, price: false);
        var duals = new BlossomDuals(ids.Length, sparse.Result);
        Assert.Equal(table.Violations(sparse.Result.VertexDual, duals), streamed.Violations(sparse.Result.VertexDual, duals, []));
    }

    [Theory]
    [InlineData(200, 11)]
    [InlineData(600, 12)]
    public void A_warm_start_far_from_the_optimum_reaches_the_table_paths_optimum_through_streamed_pricing(int n, int seed)
    {
        var random = new Random(seed);
        var (request, weights) = RandomRound(random, n, seed);
        var ids = Enumerable.Range(0, n).ToArray();
        var table = new TriangularWeights(n, (u, v) => weights.Weight(u, v));
        var optimum = CompleteGraphMatcher.Solve(table, n);

        // Optimal on each member's single heaviest partner plus a cycle only: far from the complete graph's
        // optimum, so the first repair frees many vertices and the re-solves augment many times per stage.
        var sparse = CompleteGraphMatcher.Solve(table, n, candidatesPerVertex: 1, mutualCandidates: 0, price: false);
        var graph = new CandidateGraph(n);
        foreach (var (u, v, w) in sparse.Edges)
        {
            graph.Add(u, v, w);
        }

        var priced = CompleteGraphMatcher.PriceAndSolve(new StreamedWeights(weights, ids), graph, sparse.Result, solves: 1);

        var sparseWeight = MaxWeightMatching.Weight(sparse.Edges, sparse.Result.Mate);
        var pricedWeight = MaxWeightMatching.Weight(priced.Edges, priced.Result.Mate);
        Assert.True(sparseWeight < optimum.DualObjective, "the start must be suboptimal for this test to show anything");
        Assert.True(priced.Rounds > 2, $"only {priced.Rounds} solves: pricing had too little to repair");
        Assert.All(priced.Result.Mate, m => Assert.True(m >= 0));
        Assert.Equal(optimum.DualObjective, pricedWeight);
        Assert.Equal(pricedWeight, priced.DualObjective);
        Assert.Empty(table.Violations(priced.Result.VertexDual, new BlossomDuals(n, priced.Result)));
    }

    [Fact]
    public void Near_pairs_from_streamed_pricing_are_unviolated_weighed_right_and_within_the_deepest_deficit()
    {
        var random = new Random(8);
        var (request, weights) = RandomRound(random, 120);
        var ids = Enumerable.Range(0, 120).ToArray();
        var table = new TriangularWeights(ids.Length, (u, v) => weights.Weight(u, v));
        var sparse = CompleteGraphMatcher.Solve(table, ids.Length, candidatesPerVertex: 2, mutualCandidates: 0, price: false);
        var duals = new BlossomDuals(ids.Length, sparse.Result);
        var y = sparse.Result.VertexDual;
        long Slack(int u, int v) => y[u] + y[v] - (2 * table[u, v]) + (2 * duals.Shared(u, v));

        var near = new List<(int U, int V, long W)>();
        var violations = new StreamedWeights(weights, ids).Violations(y, duals, near);

        Assert.NotEmpty(violations);
        Assert.NotEmpty(near);
        var deepest = violations.Max(p => -Slack(p.U, p.V));
        foreach (var (u, v, w) in near)
        {
            Assert.Equal(table[u, v], w);
            Assert.InRange(Slack(u, v), 0, deepest);
        }

        // At most a few per row, and each among its row's least non-negative slacks.
        foreach (var row in near.GroupBy(p => p.U))
        {
            Assert.True(row.Count() <= StreamedWeights.NearPerRow);
            var least = Enumerable.Range(row.Key + 1, ids.Length - row.Key - 1).Select(v => Slack(row.Key, v)).Where(s => s >= 0).Order().ElementAt(row.Count() - 1);
            Assert.All(row, p => Assert.True(Slack(p.U, p.V) <= least));
        }
    }

    [Fact]
    public void With_free_members_to_join_each_row_keeps_its_least_slack_pairs_in_other_slots_and_twelve_of_the_rest()
    {
        var random = new Random(9);
        var (request, weights) = RandomRound(random, 400);
        int[] ids = [.. Enumerable.Range(0, 400).OrderBy(weights.WakeSlot)];
        var table = new TriangularWeights(ids.Length, (u, v) => weights.Weight(ids[u], ids[v]));

        // Duals feasible for every pair (each member's dual its heaviest pair), nobody matched: nothing is violated.
        var y = ids.Select((_, u) => Enumerable.Range(0, ids.Length).Where(v => v != u).Max(v => table[u, v])).ToArray();
        var start = new MatchingResult([.. ids.Select(_ => -1)], y, []);
        var duals = new BlossomDuals(ids.Length, start);
        long Slack(int u, int v) => y[u] + y[v] - (2 * table[u, v]);
        bool Across(int u, int v) => weights.SharedHours(weights.WakeSlot(ids[u]), weights.WakeSlot(ids[v])) < weights.SharedHours(weights.WakeSlot(ids[u]), weights.WakeSlot(ids[u]));

        var plain = new List<(int U, int V, long W)>();
        Assert.Empty(new StreamedWeights(weights, ids).Violations(y, duals, plain));
        Assert.Empty(plain);

        var near = new List<(int U, int V, long W)>();
        Assert.Empty(new StreamedWeights(weights, ids).Violations(y, duals, near, nearWithin: long.MaxValue / 4));

        // The pricing reads 64 members at a time; a chunk wholly of other slots keeps its own least-slack pairs. A row
        // whose dual covers every later pair's bound is not read at all.
        var checkedRows = 0;
        foreach (var u in Enumerable.Range(0, ids.Length - 1).Where(u => y[u] < (2 * weights.UpperBound(ids[u])) - y[(u + 1)..].Min()))
        {
            var across = Enumerable.Range(u + 1, ids.Length - u - 1)
                .Where(v => Enumerable.Range(v / 64 * 64, Math.Min(64, ids.Length - (v / 64 * 64))).All(w => Across(u, w)))
                .ToList();
            var row = near.Where(p => p.U == u).ToList();
            Assert.All(row, p => Assert.Equal(table[u, p.V], p.W));
            Assert.True(row.Count <= StreamedWeights.NearPerRowJoining + StreamedWeights.NearAcrossPerRow);

            // The rest of the row keeps its 12 least slacks (8 in any other pricing).
            var within = Enumerable.Range(u + 1, ids.Length - u - 1).Except(across).ToList();
            Assert.Equal(Math.Min(within.Count, StreamedWeights.NearPerRowJoining), row.Count(p => within.Contains(p.V)));
            if (across.Count > 0)
            {
                checkedRows++;
                var least = across.Min(v => Slack(u, v));
                Assert.Contains(row, p => Across(u, p.V) && Slack(u, p.V) == least);
            }
        }

        Assert.True(checkedRows > 200, $"only {checkedRows} rows had chunks of other slots");

        // With a finite reach (the pass stops looking past it), each row keeps as many of its least pairs within it as fit.
        var reach = Enumerable.Range(0, ids.Length).SelectMany(u => Enumerable.Range(u + 1, ids.Length - u - 1).Select(v => Slack(u, v))).Order().ElementAt(ids.Length * 4);
        var capped = new List<(int U, int V, long W)>();
        Assert.Empty(new StreamedWeights(weights, ids).Violations(y, duals, capped, nearWithin: reach));
        Assert.All(capped, p => Assert.InRange(Slack(p.U, p.V), 0, reach));
        var (full, partial) = (0, 0);
        foreach (var u in Enumerable.Range(0, ids.Length - 1).Where(u => y[u] < (2 * weights.UpperBound(ids[u])) - y[(u + 1)..].Min()))
        {
            var within = Enumerable.Range(u + 1, ids.Length - u - 1)
                .Where(v => Slack(u, v) <= reach && !Enumerable.Range(v / 64 * 64, Math.Min(64, ids.Length - (v / 64 * 64))).All(w => Across(u, w)))
                .ToList();
            var kept = capped.Count(p => p.U == u && within.Contains(p.V));
            Assert.Equal(Math.Min(within.Count, StreamedWeights.NearPerRowJoining), kept);
            (full, partial) = (full + (within.Count > StreamedWeights.NearPerRowJoining ? 1 : 0), partial + (within.Count is > 0 and <= StreamedWeights.NearPerRowJoining ? 1 : 0));
        }

        Assert.True(full > 0 && partial > 0, $"{full} rows with more pairs within reach than kept, {partial} with fewer");
    }
}
