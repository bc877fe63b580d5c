namespace NetworkingBot.Core.Pairing.Matching;

/// <summary>
/// The least slack of each kind, from priority queues instead of a walk over the forest per dual update. With
/// lazy duals (BlossomSolver.Lazy) every slack a dual update can change changes at one rate: an edge from an
/// unlabeled vertex to an S-vertex loses the delta, an edge between two S-blossoms twice the delta. So a best
/// edge is queued when it is recorded, keyed by its slack plus the shift (times the rate), and the key stays right
/// while the entry is valid. Entries are checked only when they reach the top:
/// <list type="bullet">
/// <item>one whose vertex was labeled or whose blossom was absorbed is dropped;</item>
/// <item>one whose best edge changed since is dropped (the change queued its own entry), except an S-blossom's
/// whose key is still below the new best: the new one was compared with a stale edge, so the blossom's edges are
/// measured afresh;</item>
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
    private readonly PriorityQueue<(int X, int E), long> toS = new();

    /// <summary>Top-level S-blossom (or S-vertex) and its best edge to another S-blossom, by slack + 2 shift.</summary>
    private readonly PriorityQueue<(int X, int E), long> betweenS = new();

    private readonly List<(int X, int E)> tiedToS = [];
    private readonly List<(int X, int E)> tiedBetweenS = [];

    /// <summary>Vertex x (unlabeled, or inside a T-blossom that may be expanded) has best edge e to an S-vertex.</summary>
    private void QueueToS(int x, int e) => toS.Enqueue((x, e), Slack(e) + shift);

    /// <summary>Top-level S-blossom x has best edge e to another S-blossom.</summary>
    private void QueueBetweenS(int x, int e) => betweenS.Enqueue((x, e), Slack(e) + (2 * shift));

    /// <summary>The least slack of an edge from an unlabeled vertex to an S-vertex, or long.MaxValue.</summary>
    private long LeastToS() => Least(toS, rate: 1, sBlossom: false);

    /// <summary>The least slack of an edge between two S-blossoms, or long.MaxValue.</summary>
    private long LeastBetweenS() => Least(betweenS, rate: 2, sBlossom: true);

    /// <summary>Drops or renews entries from the top until one is valid; returns its slack (long.MaxValue when none is left).</summary>
    private long Least(PriorityQueue<(int X, int E), long> entries, int rate, bool sBlossom)
    {
        while (entries.TryPeek(out var entry, out var key))
        {
            var (x, e) = entry;
            var home = sBlossom ? x : inBlossom[x];
            var holder = sBlossom ? label[x] == 1 && (x < n ? inBlossom[x] == x : blossomParent[x] == -1 && blossomBase[x] >= 0) : label[home] == 0;

            // A replaced entry goes, except an S-blossom's still below its new best (see the class summary).
            var replaced = bestEdge[x] != e;
            if (!holder || (replaced && !(sBlossom && (bestEdge[x] == -1 || key < Slack(bestEdge[x]) + (rate * shift)))))
            {
                entries.Dequeue();
                continue;
            }

            var other = inBlossom[edgeU[e]] == home ? edgeV[e] : edgeU[e];
            if (!replaced && label[inBlossom[other]] == 1 && inBlossom[other] != home && Slack(e) is var slack && slack + (rate * shift) == key)
            {
                return slack;
            }

            entries.Dequeue();
            if (RecomputeBestEdge(x, sBlossom) is var exact and not -1)
            {
                entries.Enqueue((x, exact), Slack(exact) + (rate * shift));
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
