namespace NetworkingBot.Core.Pairing.Matching;

/// <summary>
/// Column generation without starting over. After pricing finds pairs the candidate graph lacked, a new solve
/// begins from the last duals with every blossom folded into its vertices (<see cref="CandidateGraph.Repair"/>):
/// feasible, but each blossom's matched edge to the outside comes loose, so about 480 vertices start free at 10,000
/// members whatever pricing found. Here the finished solver takes the new edges and keeps its blossoms: a violated
/// pair is fixed by raising the top-level blossom of one end as a unit (its vertices' duals up, its own dual down
/// by as much, so every edge inside keeps its slack), which loosens only that blossom's matched edge; then the
/// stages run again. Measured on the 10,000-member rounds the gain is within the noise (a few free vertices' trees
/// still cross their slot; docs/PERFORMANCE.md): it replaces a new solver and a full repair per pass, not a slow step.
/// </summary>
internal sealed partial class BlossomSolver
{
    private int[]? chainMark;
    private int chainStamp;

    /// <summary>Edges the solver holds (their indices are the candidate graph's).</summary>
    public int EdgeCount => edgeU.Length;

    /// <summary>Blossoms dissolved by <see cref="Resume"/> because a new edge inside them was violated (tests).</summary>
    public int DissolvedOnResume { get; private set; }

    /// <summary>
    /// Adds <paramref name="added"/> (their indices follow the edges the solver has) to a solver whose
    /// <see cref="Run"/> has finished, and repairs its state into a valid start: duals feasible for every edge,
    /// matched edges tight, free vertices the bases of their blossoms with duals of one parity. Call
    /// <see cref="Run"/> again for the new optimum. Only with maxCardinality (free vertices need no zero dual).
    /// </summary>
    /// <param name="added">The new edges.</param>
    /// <param name="feasible">
    /// How many of the first new edges the caller knows to have a non-negative slack under the solver's duals (a
    /// pricing pass's near pairs): they are not checked. Each check walks both ends' blossom chains, and a join's
    /// 130,000 near pairs in blossoms nested hundreds deep cost about 60 ms a pass.
    /// </param>
    public void Resume(IReadOnlyList<(int U, int V, long W)> added, int feasible = 0)
    {
        if (!maxCardinality)
        {
            throw new InvalidOperationException("Resuming needs maxCardinality.");
        }

        var first = AppendEdges(added);

        // As in CandidateGraph.Repair: the end in more violated pairs is raised, so few blossoms come loose. Only the
        // pairs violated now need work: raising a blossom and dissolving one never lower a slack.
        var count = new int[n];
        var violated = new List<int>();
        for (var k = first + feasible; k < edgeU.Length; k++)
        {
            if (TrueSlack(k) < 0)
            {
                violated.Add(k);
                count[edgeU[k]]++;
                count[edgeV[k]]++;
            }
        }

        foreach (var k in violated)
        {
            while (TrueSlack(k) is var slack and < 0)
            {
                var (u, v) = (edgeU[k], edgeV[k]);
                var (tu, tv) = (inBlossom[u], inBlossom[v]);
                if (tu == tv)
                {
                    // Inside one blossom: dissolve it (its dual folded into its vertices keeps every slack) until
                    // the two ends are in different blossoms.
                    RaiseTop(u, dual[tu], dissolve: true);
                    DissolvedOnResume++;
                    continue;
                }

                // The end in more violated pairs; then one already free (raising it frees nothing more); then the
                // one already loosest.
                var end = count[u] != count[v] ? (count[u] > count[v] ? u : v)
                    : Free(tu) != Free(tv) ? (Free(tu) ? u : v)
                    : dual[u] >= dual[v] ? u : v;
                RaiseTop(end, -slack, dissolve: false);
            }
        }

        // Free vertices start as S roots and move together: their duals must share one parity (even).
        for (var v = 0; v < n; v++)
        {
            if (mate[v] == -1 && (dual[v] & 1) != 0)
            {
                RaiseTop(v, 1, dissolve: false);
            }
        }
    }

    private bool Free(int top) => mate[blossomBase[top]] == -1;

    /// <summary>
    /// Raises x's top-level blossom by d as a unit and frees its base (its matched edge is no longer tight). A
    /// blossom whose dual is too small gives what it has and is dissolved, and the rest goes to the child that
    /// holds x (a child matched inside the cycle frees its base and that base's mate). With <paramref name="dissolve"/> the blossom is dissolved even when its dual covers d.
    /// </summary>
    private void RaiseTop(int x, long d, bool dissolve)
    {
        while (true)
        {
            var t = inBlossom[x];
            if (t < n)
            {
                dual[t] += d;
                Unmatch(t);
                return;
            }

            var r = Math.Min(d, dual[t]);
            foreach (var leaf in Leaves(t))
            {
                dual[leaf] += r;
            }

            dual[t] -= r;
            d -= r;
            if (r > 0)
            {
                // Only the matched edge leaving the blossom came loose; a blossom that gave nothing keeps it.
                Unmatch(blossomBase[t]);
            }

            if (d == 0 && !dissolve)
            {
                return;
            }

            ExpandBlossom(t, endStage: true);
            if (d == 0)
            {
                return;
            }
        }
    }

    private void Unmatch(int v)
    {
        if (mate[v] != -1)
        {
            mate[endpoint[mate[v]]] = -1;
            mate[v] = -1;
        }
    }

    /// <summary>Slack of edge k with the duals of the blossoms holding both ends (the solver's Slack leaves them out).</summary>
    private long TrueSlack(int k)
    {
        // Ends in different top-level blossoms share none (a shared one would hold both tops): no walk up the chains,
        // which run hundreds deep in a join's blossoms.
        if (inBlossom[edgeU[k]] != inBlossom[edgeV[k]])
        {
            return Slack(k);
        }

        chainMark ??= new int[2 * n];
        chainStamp++;
        for (var x = edgeU[k]; x != -1; x = blossomParent[x])
        {
            chainMark[x] = chainStamp;
        }

        var common = edgeV[k];
        while (common != -1 && chainMark[common] != chainStamp)
        {
            common = blossomParent[common];
        }

        long shared = 0;
        for (var b = common; b != -1; b = blossomParent[b])
        {
            shared += b >= n ? dual[b] : 0;
        }

        return Slack(k) + (2 * shared);
    }

    /// <summary>Appends edges to the solver's arrays and adjacency; returns the index of the first.</summary>
    private int AppendEdges(IReadOnlyList<(int U, int V, long W)> added)
    {
        // Checked before anything changes, so a refused batch leaves the solver as it was.
        foreach (var (u, v, w) in added)
        {
            if (u < 0 || v < 0 || u >= n || v >= n || u == v || w > MaxWeightMatching.MaxAbsWeight || w < -MaxWeightMatching.MaxAbsWeight)
            {
                throw new ArgumentException($"Invalid edge ({u},{v},{w}) for {n} vertices.", nameof(added));
            }
        }

        var m0 = edgeU.Length;
        var m = m0 + added.Count;
        Array.Resize(ref edgeU, m);
        Array.Resize(ref edgeV, m);
        Array.Resize(ref edgeW, m);
        Array.Resize(ref endpoint, 2 * m);
        allowEdge = new bool[m];
        var extra = new int[n];
        for (var i = 0; i < added.Count; i++)
        {
            var (u, v, w) = added[i];
            var k = m0 + i;
            (edgeU[k], edgeV[k], edgeW[k]) = (u, v, w);
            endpoint[2 * k] = u;
            endpoint[(2 * k) + 1] = v;
            extra[u]++;
            extra[v]++;
        }

        var fill = new int[n];
        for (var v = 0; v < n; v++)
        {
            if (extra[v] > 0)
            {
                fill[v] = neighbend[v].Length;
                Array.Resize(ref neighbend[v], fill[v] + extra[v]);
            }
        }

        for (var k = m0; k < m; k++)
        {
            neighbend[edgeU[k]][fill[edgeU[k]]++] = new Link((2 * k) + 1, edgeV[k], edgeW[k]);
            neighbend[edgeV[k]][fill[edgeV[k]]++] = new Link(2 * k, edgeU[k], edgeW[k]);
        }

        return m0;
    }
}
