using System.Runtime.CompilerServices;

namespace NetworkingBot.Core.Pairing.Matching;

internal sealed partial class BlossomSolver
{
    /// <summary>
    /// No tight edge is left to explore: change the duals by the largest delta that keeps them feasible.
    /// Returns false when the stage ends without augmentation (the matching is optimal).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool AdjustDuals()
    {
        var deltaType = -1;
        long delta = 0;
        var deltaBlossom = -1;

        // Type 1: a vertex dual reaches zero (only without maxCardinality; free vertices may stay free).
        if (!maxCardinality)
        {
            deltaType = 1;
            delta = MinVertexDual();
        }

        // Type 2: an edge from an S-vertex to a free vertex becomes tight. Type 3: an edge between two
        // S-blossoms becomes tight (integer weights keep slack even); top-level trivial blossoms are vertices,
        // the rest are in the touched blossom list. Type 4: a T-blossom's dual reaches zero, so it can be
        // expanded. One pass over the vertices and one over the blossoms (this runs once per dual update, over
        // the whole forest); the least of each type is kept apart so ties go to the lower type as before.
        var (best2, edge2, best3, edge3, best4, blossom4) = (long.MaxValue, -1, long.MaxValue, -1, long.MaxValue, -1);
        ties2.Clear();
        ties3.Clear();
        foreach (var v in touchedVertices)
        {
            var e = bestEdge[v];
            if (e == -1)
            {
                continue;
            }

            if (label[inBlossom[v]] == 0)
            {
                e = RefreshBestEdge(v, e, sBlossom: false);
                if (e == -1)
                {
                    continue;
                }

                var d = Slack(e);
                Keep(ties2, ref best2, ref edge2, d, e);
            }
            else if (blossomParent[v] == -1 && label[v] == 1)
            {
                e = RefreshBestEdge(v, e, sBlossom: true);
                if (e == -1)
                {
                    continue;
                }

                var d = Slack(e) / 2;
                Keep(ties3, ref best3, ref edge3, d, e);
            }
        }

        foreach (var b in touchedBlossoms)
        {
            if (blossomBase[b] < 0 || blossomParent[b] != -1)
            {
                continue;
            }

            if (label[b] == 1 && bestEdge[b] != -1 && RefreshBestEdge(b, bestEdge[b], sBlossom: true) is var e and not -1)
            {
                var d = Slack(e) / 2;
                Keep(ties3, ref best3, ref edge3, d, e);
            }
            else if (label[b] == 2 && dual[b] < best4)
            {
                (best4, blossom4) = (dual[b], b);
            }
        }

        if (edge2 != -1 && (deltaType == -1 || best2 < delta))
        {
            (delta, deltaType) = (best2, 2);
        }

        if (edge3 != -1 && (deltaType == -1 || best3 < delta))
        {
            (delta, deltaType) = (best3, 3);
        }

        if (blossom4 != -1 && (deltaType == -1 || best4 < delta))
        {
            (delta, deltaType, deltaBlossom) = (best4, 4, blossom4);
        }

        if (deltaType == -1 && augmented)
        {
            // Nothing left to grow after augmenting: the next stage starts afresh and decides the end.
            return false;
        }

        if (deltaType == -1)
        {
            // maxCardinality and nothing left to grow: one last dual update, then stop.
            deltaType = 1;
            delta = Math.Max(0, MinVertexDual());
        }

        foreach (var v in touchedVertices)
        {
            var l = label[inBlossom[v]];
            if (l == 1)
            {
                dual[v] -= delta;
            }
            else if (l == 2)
            {
                dual[v] += delta;
            }
        }

        foreach (var b in touchedBlossoms)
        {
            if (blossomBase[b] >= 0 && blossomParent[b] == -1)
            {
                if (label[b] == 1)
                {
                    dual[b] += delta;
                }
                else if (label[b] == 2)
                {
                    dual[b] -= delta;
                }
            }
        }

        if (deltaType == 1)
        {
            return false;
        }

        // Every edge the update made tight is scanned now, not found by another update of zero: with thousands
        // of trees, ties are common, and each update visits the whole forest.
        foreach (var (ties, best) in (ReadOnlySpan<(List<int>, long)>)[(ties2, best2), (ties3, best3)])
        {
            if (best != delta)
            {
                continue;
            }

            foreach (var e in ties)
            {
                allowEdge[e] = true;
                queue.Add(label[inBlossom[edgeU[e]]] == 1 ? edgeU[e] : edgeV[e]);
            }
        }

        if (deltaType == 4)
        {
            ExpandBlossom(deltaBlossom, endStage: false);
        }

        return true;
    }

    /// <summary>Keeps the least value seen and every edge that ties with it.</summary>
    private static void Keep(List<int> ties, ref long best, ref int edge, long value, int e)
    {
        if (value < best)
        {
            (best, edge) = (value, e);
            ties.Clear();
        }

        if (value == best)
        {
            ties.Add(e);
        }
    }

    private long MinVertexDual()
    {
        var min = long.MaxValue;
        for (var v = 0; v < n; v++)
        {
            min = Math.Min(min, dual[v]);
        }

        return n == 0 ? 0 : min;
    }
}
