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
        // S-blossoms becomes tight (integer weights keep slack even). Both come from their queues
        // (BlossomSolver.Queues). Type 4: a T-blossom's dual reaches zero, so it can be expanded: blossoms are
        // few, so they are still walked. The least of each type is kept apart so ties go to the lower type.
        var best2 = LeastToS();
        var best3 = LeastBetweenS() is var least3 and < long.MaxValue ? least3 / 2 : long.MaxValue;
        var (best4, blossom4) = (long.MaxValue, -1);
        foreach (var b in touchedBlossoms)
        {
            if (blossomBase[b] >= 0 && blossomParent[b] == -1 && label[b] == 2 && dual[b] < best4)
            {
                (best4, blossom4) = (dual[b], b);
            }
        }

        if (best2 != long.MaxValue && (deltaType == -1 || best2 < delta))
        {
            (delta, deltaType) = (best2, 2);
        }

        if (best3 != long.MaxValue && (deltaType == -1 || best3 < delta))
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

        SyncSigns();
        shift += delta;

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
        // of trees, ties are common.
        TakeTies(best2 == delta, best3 == delta);
        foreach (var (_, e) in tiedToS)
        {
            allowEdge[e] = true;
            queue.Add(label[inBlossom[edgeU[e]]] == 1 ? edgeU[e] : edgeV[e]);
        }

        foreach (var (_, e) in tiedBetweenS)
        {
            allowEdge[e] = true;
            queue.Add(label[inBlossom[edgeU[e]]] == 1 ? edgeU[e] : edgeV[e]);
        }

        ReturnTies();

        if (deltaType == 4)
        {
            ExpandBlossom(deltaBlossom, endStage: false);
        }

        return true;
    }

    private long MinVertexDual()
    {
        var min = long.MaxValue;
        for (var v = 0; v < n; v++)
        {
            min = Math.Min(min, Y(v));
        }

        return n == 0 ? 0 : min;
    }
}
