namespace NetworkingBot.Core.Pairing.Matching;

/// <summary>
/// The least slack of each kind, from priority queues instead of a walk over the forest per dual update. With
/// lazy duals (BlossomSolver.Lazy) every slack a dual update can change changes at one rate: an edge from an
/// unlabeled vertex to an S-vertex loses the delta, an edge between two S-blossoms twice the delta. So a best
/// edge is queued when it is recorded, keyed by its slack plus the shift (times the rate), and the key stays right
/// while the entry is valid. A vertex or blossom has one entry at most (<see cref="EdgeQueue"/>): a new best edge
/// takes over its entry, and an S-blossom's keeps the lower key. Entries are checked only when they reach the top:
/// <list type="bullet">
/// <item>one whose vertex was labeled or whose blossom was absorbed is dropped;</item>
/// <item>one whose best edge changed since without being queued is dropped, except an S-blossom's whose key is
/// still below the new best: the new one was compared with a stale edge, so the blossom's edges are measured
/// afresh (as they are when a new best edge was queued above a lower key the entry kept);</item>
/// <item>one whose other end is no longer in a live S-blossom (its tree was dropped), or whose key no longer matches
/// (recorded inside a T-blossom, where the slack did not fall), is replaced by the best edge recomputed.</item>
/// </list>
/// No edge can be hidden below an entry's key: every edge of the vertex or blossom to an S-blossom had at least the
/// recorded slack then and has lost at most as much since. Unlabeled vertices' best edges are also kept exact when a
/// tree is dropped (BlossomSolver.Trees). The brute-force and certificate tests caught the one hole found (a best
/// edge into a dropped tree whose end was labeled S again before the entry surfaced).
/// </summary>
internal sealed partial class BlossomSolver
{
    /// <summary>Unlabeled vertex and its best edge to an S-vertex, by slack + shift.</summary>
    private readonly EdgeQueue toS;

    /// <summary>Top-level S-blossom (or S-vertex) and its best edge to another S-blossom, by slack + 2 shift.</summary>
    private readonly EdgeQueue betweenS;

    private readonly List<(int X, int E)> tiedToS = [];
    private readonly List<(int X, int E)> tiedBetweenS = [];

    /// <summary>Vertex x (unlabeled, or inside a T-blossom that may be expanded) has best edge e to an S-vertex.</summary>
    private void QueueToS(int x, int e) => toS.Set(x, e, Slack(e) + shift);

    /// <summary>
    /// Top-level S-blossom x has best edge e to another S-blossom. A lower key x is queued under stays: the new edge
    /// was compared with a best edge gone stale, and the blossom's edges are measured afresh when the key surfaces.
    /// </summary>
    private void QueueBetweenS(int x, int e)
    {
        var key = Slack(e) + (2 * shift);
        betweenS.Set(x, e, betweenS.KeyOf(x) is { } kept && kept < key ? kept : key);
    }

    /// <summary>The least slack of an edge from an unlabeled vertex to an S-vertex, or long.MaxValue.</summary>
    private long LeastToS() => Least(toS, rate: 1, sBlossom: false);

    /// <summary>The least slack of an edge between two S-blossoms, or long.MaxValue.</summary>
    private long LeastBetweenS() => Least(betweenS, rate: 2, sBlossom: true);

    /// <summary>Drops or renews entries from the top until one is valid; returns its slack (long.MaxValue when none is left).</summary>
    private long Least(EdgeQueue entries, int rate, bool sBlossom)
    {
        while (entries.TryPeek(out var x, out var e, out var key))
        {
            var home = sBlossom ? x : inBlossom[x];
            var holder = sBlossom ? label[x] == 1 && (x < n ? inBlossom[x] == x : blossomParent[x] == -1 && blossomBase[x] >= 0) : label[home] == 0;

            // A replaced entry goes, except an S-blossom's still below its new best (see the class summary).
            var replaced = bestEdge[x] != e;
            if (!holder || (replaced && !(sBlossom && (bestEdge[x] == -1 || key < Slack(bestEdge[x]) + (rate * shift)))))
            {
                entries.Remove(x);
                continue;
            }

            var other = inBlossom[edgeU[e]] == home ? edgeV[e] : edgeU[e];
            if (!replaced && label[inBlossom[other]] == 1 && inBlossom[other] != home && Slack(e) is var slack && slack + (rate * shift) == key)
            {
                return slack;
            }

            if (RecomputeBestEdge(x, sBlossom) is var exact and not -1)
            {
                entries.Set(x, exact, Slack(exact) + (rate * shift));
            }
            else
            {
                entries.Remove(x);
            }
        }

        return long.MaxValue;
    }

    /// <summary>After an update, takes every valid entry it made tight off the queues of the kinds that set it (they go back afterwards).</summary>
    private void TakeTies(bool toSTied, bool betweenSTied)
    {
        tiedToS.Clear();
        tiedBetweenS.Clear();
        while (toSTied && LeastToS() == 0)
        {
            tiedToS.Add(toS.Dequeue());
        }

        while (betweenSTied && LeastBetweenS() == 0)
        {
            tiedBetweenS.Add(betweenS.Dequeue());
        }
    }

    /// <summary>Puts the tied entries back: a tight edge whose scan is skipped (its tree retired first) must stay visible.</summary>
    private void ReturnTies()
    {
        foreach (var (x, e) in tiedToS)
        {
            QueueToS(x, e);
        }

        foreach (var (x, e) in tiedBetweenS)
        {
            QueueBetweenS(x, e);
        }
    }
}
