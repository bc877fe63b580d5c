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
        var deltaEdge = -1;
        var deltaBlossom = -1;

        // Type 1: a vertex dual reaches zero (only without maxCardinality; free vertices may stay free).
        if (!maxCardinality)
        {
            deltaType = 1;
            delta = MinVertexDual();
        }

        // Type 2: an edge from an S-vertex to a free vertex becomes tight.
        foreach (var v in touchedVertices)
        {
            if (label[inBlossom[v]] == 0 && bestEdge[v] != -1)
            {
                var d = Slack(bestEdge[v]);
                if (deltaType == -1 || d < delta)
                {
                    (delta, deltaType, deltaEdge) = (d, 2, bestEdge[v]);
                }
            }
        }

        // Type 3: an edge between two S-blossoms becomes tight (integer weights keep slack even).
        // Top-level trivial blossoms are vertices; the rest are in the touched blossom list.
        foreach (var v in touchedVertices)
        {
            if (blossomParent[v] == -1 && label[v] == 1 && bestEdge[v] != -1)
            {
                var d = Slack(bestEdge[v]) / 2;
                if (deltaType == -1 || d < delta)
                {
                    (delta, deltaType, deltaEdge) = (d, 3, bestEdge[v]);
                }
            }
        }

        foreach (var b in touchedBlossoms)
        {
            if (blossomBase[b] >= 0 && blossomParent[b] == -1 && label[b] == 1 && bestEdge[b] != -1)
            {
                var d = Slack(bestEdge[b]) / 2;
                if (deltaType == -1 || d < delta)
                {
                    (delta, deltaType, deltaEdge) = (d, 3, bestEdge[b]);
                }
            }
        }

        // Type 4: a T-blossom's dual reaches zero, so it can be expanded.
        foreach (var b in touchedBlossoms)
        {
            if (blossomBase[b] >= 0 && blossomParent[b] == -1 && label[b] == 2 && (deltaType == -1 || dual[b] < delta))
            {
                (delta, deltaType, deltaBlossom) = (dual[b], 4, b);
            }
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

        switch (deltaType)
        {
            case 1:
                return false;
            case 2:
                {
                    allowEdge[deltaEdge] = true;
                    var i = edgeU[deltaEdge];
                    if (label[inBlossom[i]] == 0)
                    {
                        i = edgeV[deltaEdge];
                    }

                    queue.Add(i);
                    break;
                }

            case 3:
                allowEdge[deltaEdge] = true;
                queue.Add(edgeU[deltaEdge]);
                break;
            default:
                ExpandBlossom(deltaBlossom, endStage: false);
                break;
        }

        return true;
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
