namespace NetworkingBot.Core.Pairing.Matching;

internal sealed partial class BlossomSolver
{
    private readonly List<int> expandedLeaves = [];

    /// <summary>Python-style index: negative j counts from the end (the cycle of a blossom wraps around).</summary>
    private static int At(int[] a, int j) => a[((j % a.Length) + a.Length) % a.Length];

    /// <summary>
    /// Dissolves blossom b into its children. At the end of a stage, children whose dual is zero are
    /// dissolved too (an explicit stack replaces the reference implementation's recursion). Mid-stage, a
    /// T-blossom is expanded and the children on the even-length path through it are relabelled.
    /// </summary>
    private void ExpandBlossom(int b, bool endStage)
    {
        expandedLeaves.Clear();
        if (!endStage)
        {
            // Its vertices change top-level blossom, and some their label.
            foreach (var leaf in Leaves(b))
            {
                Mark(leaf);
                expandedLeaves.Add(leaf);
            }
        }

        var pending = new Stack<int>();
        pending.Push(b);
        while (pending.Count > 0)
        {
            var x = pending.Pop();
            foreach (var s in blossomChilds[x]!)
            {
                blossomParent[s] = -1;
                Touch(s);
                if (s < n)
                {
                    inBlossom[s] = s;
                }
                else if (endStage && dual[s] == 0)
                {
                    pending.Push(s);
                }
                else
                {
                    foreach (var leaf in Leaves(s))
                    {
                        inBlossom[leaf] = s;
                    }
                }
            }

            if (!endStage && label[x] == 2)
            {
                RelabelExpandedTBlossom(x);
            }

            label[x] = labelEnd[x] = -1;
            blossomChilds[x] = blossomEndps[x] = null;
            leafSet[x] = null;
            blossomBase[x] = -1;
            blossomBestEdges[x] = null;
            bestEdge[x] = -1;
            unusedBlossoms.Push(x);
        }

        // Vertices the expansion leaves unlabeled compete for the next update with the best edges they kept
        // while inside the T-blossom (their queue entries were dropped while it was labeled).
        foreach (var leaf in expandedLeaves)
        {
            if (label[inBlossom[leaf]] == 0 && bestEdge[leaf] != -1)
            {
                QueueToS(leaf, bestEdge[leaf]);
            }
        }
    }

    private void RelabelExpandedTBlossom(int b)
    {
        var childs = blossomChilds[b]!;
        var endps = blossomEndps[b]!;
        var entryChild = inBlossom[endpoint[labelEnd[b] ^ 1]];
        var j = Array.IndexOf(childs, entryChild);
        int jstep, endpTrick;
        if ((j & 1) != 0)
        {
            // Odd index: walk forward around the cycle to reach the base along an even path.
            j -= childs.Length;
            (jstep, endpTrick) = (1, 0);
        }
        else
        {
            (jstep, endpTrick) = (-1, 1);
        }

        var p = labelEnd[b];
        while (j != 0)
        {
            label[endpoint[p ^ 1]] = 0;
            label[endpoint[At(endps, j - endpTrick) ^ endpTrick ^ 1]] = 0;
            AssignLabel(endpoint[p ^ 1], 2, p);
            allowEdge[At(endps, j - endpTrick) / 2] = true;
            j += jstep;
            p = At(endps, j - endpTrick) ^ endpTrick;
            allowEdge[p / 2] = true;
            j += jstep;
        }

        var bv = At(childs, j);
        label[endpoint[p ^ 1]] = label[bv] = 2;
        labelEnd[endpoint[p ^ 1]] = labelEnd[bv] = p;
        treeOf[bv] = treeOf[b];
        bestEdge[bv] = -1;
        j += jstep;
        while (At(childs, j) != entryChild)
        {
            bv = At(childs, j);
            if (label[bv] == 1)
            {
                j += jstep;
                continue;
            }

            // Children off the path keep no label unless one of their vertices was reached.
            var reached = -1;
            foreach (var leaf in Leaves(bv))
            {
                if (label[leaf] != 0)
                {
                    reached = leaf;
                    break;
                }
            }

            if (reached >= 0)
            {
                label[reached] = 0;
                label[endpoint[mate[blossomBase[bv]]]] = 0;
                AssignLabel(reached, 2, labelEnd[reached]);
            }

            j += jstep;
        }
    }

    /// <summary>Flips the matching inside blossom b so that vertex v becomes its base.</summary>
    private void AugmentBlossom(int b, int v)
    {
        var tasks = new Stack<(int B, int V)>();
        var visited = new List<int>();
        tasks.Push((b, v));
        while (tasks.Count > 0)
        {
            var (blossom, vertex) = tasks.Pop();
            visited.Add(blossom);
            var t = vertex;
            while (blossomParent[t] != blossom)
            {
                t = blossomParent[t];
            }

            if (t >= n)
            {
                tasks.Push((t, vertex));
            }

            var childs = blossomChilds[blossom]!;
            var endps = blossomEndps[blossom]!;
            var i = Array.IndexOf(childs, t);
            var j = i;
            int jstep, endpTrick;
            if ((i & 1) != 0)
            {
                j -= childs.Length;
                (jstep, endpTrick) = (1, 0);
            }
            else
            {
                (jstep, endpTrick) = (-1, 1);
            }

            while (j != 0)
            {
                j += jstep;
                t = At(childs, j);
                var p = At(endps, j - endpTrick) ^ endpTrick;
                if (t >= n)
                {
                    tasks.Push((t, endpoint[p]));
                }

                j += jstep;
                t = At(childs, j);
                if (t >= n)
                {
                    tasks.Push((t, endpoint[p ^ 1]));
                }

                mate[endpoint[p]] = p ^ 1;
                mate[endpoint[p ^ 1]] = p;
            }

            blossomChilds[blossom] = [.. childs[i..], .. childs[..i]];
            blossomEndps[blossom] = [.. endps[i..], .. endps[..i]];
        }

        // A blossom's base comes from its first child, so fix bases bottom-up (reverse of visit order).
        for (var k = visited.Count - 1; k >= 0; k--)
        {
            blossomBase[visited[k]] = blossomBase[blossomChilds[visited[k]]![0]];
        }
    }

    /// <summary>Augments along the path through edge k, flipping matched and unmatched edges.</summary>
    private void AugmentMatching(int k)
    {
        foreach (var (start, startP) in new[] { (edgeU[k], (2 * k) + 1), (edgeV[k], 2 * k) })
        {
            var (s, p) = (start, startP);
            while (true)
            {
                var bs = inBlossom[s];
                if (bs >= n)
                {
                    AugmentBlossom(bs, s);
                }

                mate[s] = p;
                if (labelEnd[bs] == -1)
                {
                    break;
                }

                var t = endpoint[labelEnd[bs]];
                var bt = inBlossom[t];
                s = endpoint[labelEnd[bt]];
                var j = endpoint[labelEnd[bt] ^ 1];
                if (bt >= n)
                {
                    AugmentBlossom(bt, j);
                }

                mate[j] = labelEnd[bt];
                p = labelEnd[bt] ^ 1;
            }
        }
    }
}
