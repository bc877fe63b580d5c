using System.Runtime.CompilerServices;

namespace NetworkingBot.Core.Pairing.Matching;

/// <summary>
/// Several augmentations per stage, and a forest that survives them. The reference algorithm ends a stage at
/// its first augmentation and relabels every free vertex in the next one, so a warm start with thousands of free
/// vertices rebuilt the whole forest once per augmentation (at 10,000 members: 3,300 augmentations, 3.8 million
/// vertex scans, two seconds). Here an augmentation only retires the two trees it joined: their labels no longer
/// describe alternating paths, but the other trees stay valid, because the path runs inside the two trees and no
/// dual changes. Once no tight edge is left to scan, the retired trees are dropped (<see cref="DropRetiredTrees"/>):
/// their vertices, all matched now, become unlabeled, exactly like vertices no tree has reached, and the stage
/// goes on with the live trees and dual updates. A best edge that named a dropped vertex has stopped tracking its
/// least slack: an unlabeled vertex's is recomputed at the drop (its queue entry would otherwise hide edges that
/// pass it), an S-blossom's when its entry reaches the top of its queue (BlossomSolver.Queues).
/// </summary>
internal sealed partial class BlossomSolver
{
    /// <summary>
    /// The tree of each labeled top-level blossom, named by its root's free vertex: set when the blossom is labeled
    /// (its parent's tree), formed (its base's) or uncovered by an expansion (the expanded blossom's). A tree's root
    /// changes as blossoms form around it, and finding it by walking up the tree from every vertex scanned made the
    /// walk a twelfth of a 10,000-member join's solve.
    /// </summary>
    private readonly int[] treeOf;

    /// <summary>Trees retired in this stage: deadTree[t] == stage.</summary>
    private readonly int[] deadTree;
    private readonly List<int> dropped = [];
    private readonly List<int> droppedLeaves = [];
    private readonly List<int> reachedFromDropped = [];

    /// <summary>Whether this stage has augmented.</summary>
    private bool augmented;

    /// <summary>Augmentations since the retired trees were last dropped.</summary>
    private int retiredTrees;

    /// <summary>Whether top-level blossom b, labeled, belongs to a tree retired since the last drop (retired trees never change again).</summary>
    private bool Retired(int b) => retiredTrees > 0 && deadTree[treeOf[b]] == stage;

    /// <summary>Augments through edge k and retires the two trees it joins.</summary>
    private void AugmentAndRetire(int k)
    {
        deadTree[treeOf[inBlossom[edgeU[k]]]] = stage;
        deadTree[treeOf[inBlossom[edgeV[k]]]] = stage;
        AugmentMatching(k);
        retiredTrees++;
    }

    /// <summary>
    /// Unlabels every retired tree. Their vertices are matched, so they rejoin the unlabeled part of the graph:
    /// each gets its least-slack edge from a live S-blossom, an S-vertex tight with one is scanned again (it
    /// labels the vertex's blossom T), and a vertex inside a live T-blossom that was reached from a dropped
    /// vertex is reached again from a live S-vertex if a tight edge allows, else forgotten.
    /// </summary>
    private void DropRetiredTrees()
    {
        dropped.Clear();
        foreach (var v in touchedVertices)
        {
            if (inBlossom[v] == v && label[v] != 0 && Retired(v))
            {
                dropped.Add(v);
            }
        }

        foreach (var b in touchedBlossoms)
        {
            if (blossomBase[b] >= 0 && blossomParent[b] == -1 && label[b] != 0 && Retired(b))
            {
                dropped.Add(b);
            }
        }

        retiredTrees = 0;
        droppedLeaves.Clear();
        foreach (var b in dropped)
        {
            Unlabel(b);
            droppedLeaves.AddRange(Leaves(b));
        }

        reachedFromDropped.Clear();
        foreach (var x in droppedLeaves)
        {
            // x's best edge so far (set already when a dropped leaf before it led here), its slack kept as it goes.
            var least = bestEdge[x] == -1 ? long.MaxValue : Slack(bestEdge[x]);
            var yx = Y(x);
            foreach (var (p, o, weight) in neighbend[x])
            {
                var k = p / 2;
                var bo = inBlossom[o];
                allowEdge[k] = false;
                if (bo == inBlossom[x])
                {
                    continue;
                }

                if (label[bo] == 1)
                {
                    var slack = yx + Y(o) - (2 * weight);
                    if (slack <= 0)
                    {
                        queue.Add(o);
                    }
                    else if (slack < least)
                    {
                        (bestEdge[x], least) = (k, slack);
                    }
                }
                else if (bestEdge[o] == k && (label[bo] == 0 || label[o] == 0))
                {
                    // An unlabeled vertex (or one inside a T-blossom, for its expansion) whose best edge led here.
                    if (RecomputeBestEdge(o, sBlossom: false) is var fresh and not -1)
                    {
                        QueueToS(o, fresh);
                    }
                }
                else if (label[bo] == 2 && bo != o && label[o] == 2 && labelEnd[o] == (p ^ 1))
                {
                    reachedFromDropped.Add(o);
                }
            }

            if (bestEdge[x] != -1)
            {
                QueueToS(x, bestEdge[x]);
            }
        }

        Compact(touchedVertices, x => label[inBlossom[x]] != 0 || bestEdge[x] != -1);
        Compact(touchedBlossoms, b => blossomBase[b] >= 0 && blossomParent[b] == -1 && label[b] != 0);
        foreach (var o in reachedFromDropped)
        {
            // While o counted as reached, scans did not record its best edge; it is recomputed here in case o is
            // forgotten and its blossom later expanded (it then competes as an unlabeled vertex).
            label[o] = 0;
            bestEdge[o] = -1;
            foreach (var (q, s, _) in neighbend[o])
            {
                if (inBlossom[s] == inBlossom[o] || label[inBlossom[s]] != 1)
                {
                    continue;
                }

                var slack = Slack(q / 2);
                if (slack <= 0)
                {
                    label[o] = 2;
                    labelEnd[o] = q;
                    break;
                }

                if (bestEdge[o] == -1 || slack < Slack(bestEdge[o]))
                {
                    bestEdge[o] = q / 2;
                }
            }

            if (label[o] == 0 && bestEdge[o] != -1)
            {
                Touch(o);
            }
        }
    }

    /// <summary>
    /// Keeps only the touched entries a dual update still needs (labeled, or unlabeled with a best edge), so
    /// dual updates after many augmentations visit the live forest, not every vertex the stage has touched.
    /// </summary>
    private void Compact(List<int> touched, Func<int, bool> keep)
    {
        var kept = 0;
        for (var i = 0; i < touched.Count; i++)
        {
            var x = touched[i];
            if (keep(x))
            {
                touched[kept++] = x;
            }
            else
            {
                seenInStage[x] = 0;
            }
        }

        touched.RemoveRange(kept, touched.Count - kept);
    }

    /// <summary>Clears the labels and best edges of blossom b, its sub-blossoms and its vertices.</summary>
    private void Unlabel(int b)
    {
        var stack = leafWalk;
        var top = 0;
        stack[top++] = b;
        while (top > 0)
        {
            var x = stack[--top];
            label[x] = 0;
            bestEdge[x] = -1;
            if (x < n)
            {
                Mark(x);
            }
            else
            {
                blossomBestEdges[x] = null;
                foreach (var child in blossomChilds[x]!)
                {
                    stack[top++] = child;
                }
            }
        }
    }

    /// <summary>Sets x's best edge to the least-slack edge from x (its leaves, for a blossom) to a live S-blossom other than its own.</summary>
    private int RecomputeBestEdge(int x, bool sBlossom)
    {
        var home = sBlossom ? x : inBlossom[x];
        var (best, least) = (-1, long.MaxValue);
        if (sBlossom && x >= n)
        {
            foreach (var leaf in Leaves(x))
            {
                Closer(leaf, home, ref best, ref least);
            }
        }
        else
        {
            Closer(x, home, ref best, ref least);
        }

        bestEdge[x] = best;
        return best;
    }

    /// <summary>
    /// Edges from vertex v to a live S-blossom other than <paramref name="home"/>: the first whose slack is below
    /// <paramref name="least"/> replaces <paramref name="best"/>. Each edge's slack is computed once and v's dual read
    /// once (the vertices whose best edge led into a dropped tree are most of the solve's edge scans).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Closer(int v, int home, ref int best, ref long least)
    {
        var yv = Y(v);
        foreach (var (p, o, weight) in neighbend[v])
        {
            var bo = inBlossom[o];
            if (bo != home && label[bo] == 1 && yv + Y(o) - (2 * weight) is var slack && slack < least)
            {
                (best, least) = (p >> 1, slack);
            }
        }
    }
}
