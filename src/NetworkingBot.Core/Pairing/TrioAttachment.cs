namespace NetworkingBot.Core.Pairing;

/// <summary>
/// Group size 2 with an odd count: puts the one extra member into the pair where they fit best.
/// Preference, in order: nobody from last round's trio joins the new trio (when the round has three others
/// to form it); fewest trios so far among the joined pair (so trio counts never differ by more than one:
/// nobody is in a trio twice before everyone has been in one); fewest repeated pairs; highest weight. Besides joining an existing pair, two pairs
/// (a,x),(b,y) may be re-formed as (a,b) plus trio (third,x,y), ranked by the same key with repeats and
/// weight counted as the change they cause. That lets the trio avoid last round's trio members when every
/// pair holds one, and, once everyone has met, rotates the trio through the members with fewest trios
/// (the round recorder counts every trio member, not only the third).
/// </summary>
internal sealed class TrioAttachment(PairScorer scorer)
{
    private const int SwapCandidates = 16;

    // With fewer than three members outside last round's trio (five members, say) someone from it must
    // join the new trio anyway; then a fresh partner matters more than who that is, or than trio counts,
    // so repeats rank first (a tiny community otherwise repeats a pair in round two while fresh ones exist).
    private readonly bool hitsAvoidable =
        scorer.Members.Count(m => !scorer.Request.History.InLastTrio.Contains(m.Id)) >= 3;

    private PairingHistory History => scorer.Request.History;

    public List<int[]> Attach(int third, List<(int A, int B)> pairs)
    {
        var groups = pairs.Select(p => new[] { p.A, p.B }).ToList();
        if (pairs.Count == 0)
        {
            return groups;
        }

        var bestPair = 0;
        var bestKey = AttachKey(third, pairs[0]);
        for (var p = 1; p < pairs.Count; p++)
        {
            var key = AttachKey(third, pairs[p]);
            if (key.CompareTo(bestKey) < 0)
            {
                (bestPair, bestKey) = (p, key);
            }
        }

        if (TrySwap(third, pairs, bestKey, groups))
        {
            return groups;
        }

        groups[bestPair] = [pairs[bestPair].A, pairs[bestPair].B, third];
        return groups;
    }

    private bool TrySwap(int t, List<(int A, int B)> pairs, Key bestAttach, List<int[]> groups)
    {
        // Only the members with the fewest trios are worth moving, which keeps this O(1) per round.
        var movable = pairs.SelectMany(p => new[] { p.A, p.B })
            .Where(i => !InLastTrio(i))
            .OrderBy(TrioCount)
            .ThenBy(i => i)
            .Take(SwapCandidates)
            .ToHashSet();
        var touched = Enumerable.Range(0, pairs.Count).Where(p => movable.Contains(pairs[p].A) || movable.Contains(pairs[p].B)).ToList();
        (Key Key, int P, int Q, int X, int Y, int A, int B)? best = null;
        foreach (var p in touched)
        {
            foreach (var q in touched.Where(q => q > p))
            {
                foreach (var (x, a) in Sides(pairs[p]))
                {
                    foreach (var (y, b) in Sides(pairs[q]))
                    {
                        if (!movable.Contains(x) || !movable.Contains(y))
                        {
                            continue;
                        }

                        var repeats = Repeat(t, x) + Repeat(t, y) + Repeat(x, y) + Repeat(a, b) - Repeat(a, x) - Repeat(b, y);
                        var gain = scorer.Weight(t, x) + scorer.Weight(t, y) + scorer.Weight(x, y) + scorer.Weight(a, b)
                            - scorer.Weight(a, x) - scorer.Weight(b, y);
                        var key = hitsAvoidable
                            ? new Key(0, TrioCount(x) + TrioCount(y), repeats, 0, -gain)
                            : new Key(0, repeats, TrioCount(x) + TrioCount(y), 0, -gain);
                        if (best is null || key.CompareTo(best.Value.Key) < 0)
                        {
                            best = (key, p, q, x, y, a, b);
                        }
                    }
                }
            }
        }

        if (best is not { } s || s.Key.CompareTo(bestAttach) >= 0)
        {
            return false;
        }

        groups[s.P] = [s.X, s.Y, t];
        groups[s.Q] = [s.A, s.B];
        return true;
    }

    private static IEnumerable<(int Joiner, int Stayer)> Sides((int A, int B) pair) => [(pair.A, pair.B), (pair.B, pair.A)];

    private Key AttachKey(int t, (int A, int B) pair)
    {
        var hits = (InLastTrio(pair.A) ? 1 : 0) + (InLastTrio(pair.B) ? 1 : 0);
        var trios = TrioCount(pair.A) + TrioCount(pair.B);
        var repeats = Repeat(t, pair.A) + Repeat(t, pair.B);
        return new(
            hitsAvoidable ? hits : 0,
            hitsAvoidable ? trios : repeats,
            hitsAvoidable ? repeats : trios,
            hitsAvoidable ? 0 : hits,
            -(scorer.Weight(t, pair.A) + scorer.Weight(t, pair.B)));
    }

    private bool InLastTrio(int i) => History.InLastTrio.Contains(scorer.Members[i].Id);

    private int TrioCount(int i) => History.TrioCounts.GetValueOrDefault(scorer.Members[i].Id);

    private int Repeat(int a, int b) => scorer.Fresh(a, b) ? 0 : 1;

    /// <summary>Lower is better, compared field by field; First/Second are trio counts and repeats, in the order that applies.</summary>
    private readonly record struct Key(int Hits, int First, int Second, int UnavoidableHits, long NegativeGain) : IComparable<Key>
    {
        public int CompareTo(Key other) =>
            (Hits, First, Second, UnavoidableHits, NegativeGain)
                .CompareTo((other.Hits, other.First, other.Second, other.UnavoidableHits, other.NegativeGain));
    }
}
