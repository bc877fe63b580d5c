namespace NetworkingBot.Core.Pairing;

/// <summary>
/// Odd rounds of small communities: picks the trio so that trio cycles (everyone in one trio before anyone
/// in a second) run without a repeat. Fairness forces each trio into the members with the fewest trios (the
/// cycle's remaining set R), so a cycle is a sequence of disjoint fresh triangles of R, closed by the |R| mod
/// 3 members left over with members of the next cycle. Choosing each trio on its own strands the last
/// members of R with pairs that have met (first repeat near round N/3), and the pair matching, which prefers
/// like members, leaves hardly a fresh triangle for a third cycle. So each round:
/// <list type="bullet">
/// <item>rebuilds the plans (see <c>Plans</c>): a split of everyone into fresh triangles for the next cycle,
/// fixed when the current one began;</item>
/// <item>splits R into fresh triangles outside that plan, starting from this cycle's plan and repairing
/// what it lacks (<c>Split</c>), and picks this round's trio from it, repairs first;</item>
/// <item>returns as reserved the pairs of both plans, of the split and of a way to close the cycle: the
/// matching takes as many fresh pairs as ever but leaves these alone (see <see cref="GroupPlanner.MatchPairs"/>).</item>
/// </list>
/// Stateless and deterministic: everything is recomputed from the history with seeds from it.
/// </summary>
internal sealed partial class TrioCycle(PairScorer scorer)
{
    /// <summary>Repair steps per round, all candidate trios together: a few milliseconds at 256 members.</summary>
    private const int SearchBudget = 5_000;

    /// <summary>Trios tried when the cycle boundary forces one or two members in (best weight first).</summary>
    private const int FillCandidates = 12;

    private readonly int n = scorer.Members.Count;
    private readonly int words = (scorer.Members.Count + 63) >> 6;
    private ulong[] fresh = [];
    private int budget;

    /// <summary>
    /// The trio (member indices) and the pairs to keep fresh, or null when the community is too small for
    /// the rule "nobody from last round's trio" or no fair fresh trio is found (the engine then attaches a
    /// third as before, fairness first).
    /// </summary>
    public (int[] Trio, List<(int A, int B)> Reserved)? TryPlan()
    {
        var history = scorer.Request.History;
        var counts = scorer.Members.Select(m => history.TrioCounts.GetValueOrDefault(m.Id)).ToArray();
        var last = scorer.Members.Select(m => history.InLastTrio.Contains(m.Id)).ToArray();
        var outside = Enumerable.Range(0, n).Where(i => !last[i]).ToList();
        if (n % 2 == 0 || outside.Count < 3)
        {
            return null;
        }

        // Trio fairness: the trio takes the fewest counts (outside last round's trio); those below the
        // third-lowest count must be in it, the rest comes from the pool at that count.
        var c3 = outside.Select(i => counts[i]).Order().ElementAt(2);
        var forced = outside.Where(i => counts[i] < c3).ToList();
        var pool = outside.Where(i => counts[i] == c3).ToList();
        var cycle = Bits(Enumerable.Range(0, n).Where(i => counts[i] == c3));
        fresh = FreshGraph();

        // The next cycle needs fresh triangles too, and the pair matching, left alone, wears the fresh
        // graph down to pairs of unlike members with hardly a triangle among them (at 101 members the
        // third cycle found none). So a split of everyone is planned for it and kept fresh. Each plan is
        // fixed for its whole cycle (see Plans), so this cycle's triangles start from the plan made
        // during the last cycle and are looked for among the pairs the next plan leaves.
        // Plans are read from when cycles began, which only a stable membership without repeats records:
        // then everyone has met (rounds so far + own trio count) others. Under churn, plans read from a
        // disturbed history cost more than they save (measured), so only the current split is kept.
        var stable = Enumerable.Range(0, n).Select(v => scorer.Weights.Met(v).Length - counts[v]).Distinct().Count() == 1;
        var (planned, next) = stable ? Plans(counts, c3) : ([], []);
        if (next.Count > 0)
        {
            var open = (ulong[])fresh.Clone();
            foreach (var (a, b) in next)
            {
                Unlink(a, b);
            }

            budget = SearchBudget;
            if (ThisCycle(forced, pool, cycle, last, planned) is { } plan)
            {
                return (plan.Trio, [.. plan.Reserved, .. next]);
            }

            fresh = open;
        }

        budget = SearchBudget;
        return ThisCycle(forced, pool, cycle, last, planned);
    }

    private (int[] Trio, List<(int A, int B)> Reserved)? ThisCycle(List<int> forced, List<int> pool, ulong[] cycle, bool[] last, List<int[]> planned)
    {
        if (forced.Count == 0)
        {
            // A split that could not be completed still orders this round: its triangles stay fresh, and
            // only the members it left out risk a repeated pair at the end of the cycle.
            var split = new List<int[]>();
            Split(cycle, split, planned);

            // Triangles the plan did not have go first: the rest then is the plan itself, which the next
            // rounds rebuild as it is, instead of repairing the same gaps again on an ever sparser graph.
            var plannedKeys = planned.Select(TriangleKey).ToHashSet();
            var trio = split.Where(g => g.Length == 3 && g.All(i => !last[i]))
                .OrderBy(g => plannedKeys.Contains(TriangleKey(g)) ? 1 : 0)
                .ThenByDescending(GroupWeight)
                .FirstOrDefault();
            if (trio is null)
            {
                return null;
            }

            // The plan's own triangles stay reserved even where this split broke them (repairs differ from
            // round to round, the plan does not), and so does a way to close the cycle: the one or two
            // members left over will need a trio with members of the next cycle.
            var closing = split.FirstOrDefault(g => g.Length < 3) is { } leftover ? Closing(leftover, cycle, trio) : [];
            return (trio, Edges(split.Where(g => g != trio).Concat(Intact(planned, trio)).Append(closing)));
        }

        var fills = Fills(forced, pool);
        List<int[]>? partial = null;

        // The forced members close the last cycle and, from the next round on, belong to the new one with
        // everyone else but the fill: that is the set to split, without this trio's pairs.
        foreach (var fill in fills.Take(FillCandidates))
        {
            int[] trio = [.. forced, .. fill];
            var rest = (ulong[])cycle.Clone();
            forced.ForEach(f => Set(rest, f));
            Array.ForEach(fill, f => Clear(rest, f));
            var open = (ulong[])fresh.Clone();
            foreach (var (a, b) in Edges([trio]))
            {
                Unlink(a, b);
            }

            budget = SearchBudget / FillCandidates;
            var split = new List<int[]>();
            var found = Split(rest, split, planned);
            fresh = open;
            if (found)
            {
                return (trio, Edges(split.Concat(Intact(planned, trio))));
            }

            partial ??= split;
        }

        return fills.Count > 0 ? ([.. forced, .. fills[0]], Edges(partial!.Concat(Intact(planned, [.. forced, .. fills[0]])))) : null;
    }

    /// <summary>
    /// The leftover of this cycle completed to a fresh triangle by members outside it (they will be the
    /// pool when the cycle closes), heaviest first; empty when there is none.
    /// </summary>
    private int[] Closing(int[] leftover, ulong[] cycle, int[] trio)
    {
        var outside = Enumerable.Range(0, n).Where(v => !Has(cycle, v) && !trio.Contains(v) && leftover.All(l => Fresh(l, v))).ToList();
        var options = leftover.Length == 2
            ? outside.Select(w => (int[])[.. leftover, w])
            : outside.SelectMany((x, i) => outside.Skip(i + 1).Where(y => Fresh(x, y)).Select(y => (int[])[.. leftover, x, y]));
        return options.OrderByDescending(GroupWeight).ThenBy(g => g[^1]).FirstOrDefault() ?? [];
    }

    /// <summary>Members of the pool completing the forced ones to a fresh triangle, heaviest first.</summary>
    private List<int[]> Fills(List<int> forced, List<int> pool)
    {
        var fills = new List<int[]>();
        if (forced.Count == 2)
        {
            fills.AddRange(pool.Where(w => Fresh(forced[0], w) && Fresh(forced[1], w)).Select(w => new[] { w }));
        }
        else
        {
            var f = forced[0];
            var near = pool.Where(u => Fresh(f, u)).ToList();
            for (var x = 0; x < near.Count; x++)
            {
                for (var y = x + 1; y < near.Count; y++)
                {
                    if (Fresh(near[x], near[y]))
                    {
                        fills.Add([near[x], near[y]]);
                    }
                }
            }
        }

        return [.. fills.OrderByDescending(fill => GroupWeight([.. forced, .. fill])).ThenBy(fill => fill[0])];
    }

    /// <summary>The planned triangles still fresh that do not touch the trio.</summary>
    private IEnumerable<int[]> Intact(List<int[]> planned, int[] trio) =>
        planned.Where(t => t.Length == 3 && !t.Any(trio.Contains) && Fresh(t[0], t[1]) && Fresh(t[0], t[2]) && Fresh(t[1], t[2]));

    private static string TriangleKey(int[] group) => string.Join(',', group.Order());

    private long GroupWeight(int[] group)
    {
        long sum = 0;
        for (var i = 0; i < group.Length; i++)
        {
            for (var j = i + 1; j < group.Length; j++)
            {
                sum += scorer.Weight(group[i], group[j]);
            }
        }

        return sum;
    }

    private static List<(int A, int B)> Edges(IEnumerable<int[]> groups) =>
        [.. groups.SelectMany(g => g.SelectMany((a, i) => g.Skip(i + 1).Select(b => (a, b))))];
}
