using System.Runtime.CompilerServices;

namespace NetworkingBot.Core.Pairing.Matching;

/// <summary>A stage of the primal-dual loop: label the free vertices, scan tight edges, augment or adjust duals.</summary>
internal sealed partial class BlossomSolver
{
    /// <summary>
    /// One stage: grow alternating trees, augmenting whenever two meet (see BlossomSolver.Trees), until the duals
    /// cannot change: true if the stage augmented (the next one starts afresh), false at optimality.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool RunStage()
    {
        stage++;
        retiredTrees = 0;
        augmented = false;
        updatesSinceAugment = 0;
        touchedVertices.Clear();
        touchedBlossoms.Clear();
        Array.Clear(label);
        Array.Fill(bestEdge, -1);
        Array.Fill(blossomBestEdges, null, n, n);
        Array.Clear(allowEdge);
        queue.Clear();
        toS.Clear();
        betweenS.Clear();
        for (var v = 0; v < n; v++)
        {
            if (mate[v] == -1 && label[inBlossom[v]] == 0)
            {
                AssignLabel(v, 1, -1);
            }
        }

        while (true)
        {
            ScanQueue();
            if (retiredTrees > 0)
            {
                augmented = true;
                updatesSinceAugment = 0;
                DropRetiredTrees();
                continue;
            }

            if (!AdjustDuals())
            {
                return augmented;
            }

            CountDualUpdate();
        }
    }

    /// <summary>
    /// Explores tight edges from S-vertices of live trees, augmenting along every tight path between two live
    /// trees it meets (see <see cref="AugmentAndRetire"/>), until no S-vertex is left to scan.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanQueue()
    {
        while (queue.Count > 0)
        {
            var v = queue[^1];
            queue.RemoveAt(queue.Count - 1);
            if (label[inBlossom[v]] != 1 || Retired(inBlossom[v]))
            {
                // Queued before its tree was retired or dropped.
                continue;
            }

            var yv = Y(v);
            foreach (var (p, w, weight) in neighbend[v])
            {
                var k = p / 2;
                if (inBlossom[v] == inBlossom[w] || (label[inBlossom[w]] != 0 && Retired(inBlossom[w])))
                {
                    continue;
                }

                long kslack = 0;
                if (!allowEdge[k])
                {
                    kslack = yv + Y(w) - (2 * weight);
                    if (kslack <= 0)
                    {
                        allowEdge[k] = true;
                    }
                }

                if (allowEdge[k])
                {
                    if (label[inBlossom[w]] == 0)
                    {
                        AssignLabel(w, 2, p ^ 1);
                    }
                    else if (label[inBlossom[w]] == 1)
                    {
                        var baseVertex = ScanBlossom(v, w);
                        if (baseVertex >= 0)
                        {
                            AddBlossom(baseVertex, k);
                        }
                        else
                        {
                            AugmentAndRetire(k);
                            break;
                        }
                    }
                    else if (label[w] == 0)
                    {
                        // w is inside a T-blossom but not yet reached: remember how.
                        label[w] = 2;
                        labelEnd[w] = p ^ 1;
                    }
                }
                else if (label[inBlossom[w]] == 1)
                {
                    var b = inBlossom[v];
                    if (bestEdge[b] == -1 || kslack < Slack(bestEdge[b]))
                    {
                        bestEdge[b] = k;
                        QueueBetweenS(b, k);
                    }
                }
                else if (label[w] == 0)
                {
                    if (bestEdge[w] == -1 || kslack < Slack(bestEdge[w]))
                    {
                        bestEdge[w] = k;
                        QueueToS(w, k);
                        Touch(w);
                    }
                }
            }
        }
    }
}
