using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetworkingBot.Core.Pairing.Matching;

internal sealed partial class BlossomSolver
{
    /// <summary>Labels w's top blossom S (1) or T (2), reached through endpoint p; a T label makes its mate S.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AssignLabel(int w, int t, int p)
    {
        while (true)
        {
            var b = inBlossom[w];
            label[w] = label[b] = t;
            labelEnd[w] = labelEnd[b] = p;
            treeOf[b] = p == -1 ? w : treeOf[inBlossom[endpoint[p]]];
            bestEdge[w] = bestEdge[b] = -1;
            Touch(b);

            // One walk of the leaves serves both: a blossom's can be most of a slot.
            var walked = Leaves(b);
            if (b >= n)
            {
                foreach (var leaf in walked)
                {
                    Touch(leaf);
                    Mark(leaf);
                }
            }
            else
            {
                Mark(b);
            }

            if (t == 1)
            {
                queue.AddRange(walked);
                return;
            }

            var mateEnd = mate[blossomBase[b]];
            (w, t, p) = (endpoint[mateEnd], 1, mateEnd ^ 1);
        }
    }

    /// <summary>Traces back from v and w; returns the base of a new blossom, or -1 for an augmenting path.</summary>
    private int ScanBlossom(int v, int w)
    {
        var path = scanPath;
        path.Clear();
        var baseVertex = -1;
        while (v != -1 || w != -1)
        {
            var b = inBlossom[v];
            if ((label[b] & 4) != 0)
            {
                baseVertex = blossomBase[b];
                break;
            }

            path.Add(b);
            label[b] = 5;
            if (labelEnd[b] == -1)
            {
                v = -1;
            }
            else
            {
                v = endpoint[labelEnd[b]];
                b = inBlossom[v];
                v = endpoint[labelEnd[b]];
            }

            if (w != -1)
            {
                (v, w) = (w, v);
            }
        }

        foreach (var b in path)
        {
            label[b] = 1;
        }

        return baseVertex;
    }

    /// <summary>Contracts the odd cycle closed by edge k into a new S-blossom with the given base.</summary>
    private void AddBlossom(int baseVertex, int k)
    {
        var (v, w) = (edgeU[k], edgeV[k]);
        var bb = inBlossom[baseVertex];
        var bv = inBlossom[v];
        var bw = inBlossom[w];
        var b = unusedBlossoms.Pop();
        treeOf[b] = treeOf[bb];
        blossomBase[b] = baseVertex;
        blossomParent[b] = -1;
        blossomParent[bb] = b;
        var path = new List<int>();
        var endps = new List<int>();
        while (bv != bb)
        {
            blossomParent[bv] = b;
            path.Add(bv);
            endps.Add(labelEnd[bv]);
            v = endpoint[labelEnd[bv]];
            bv = inBlossom[v];
        }

        path.Add(bb);
        path.Reverse();
        endps.Reverse();
        endps.Add(2 * k);
        while (bw != bb)
        {
            blossomParent[bw] = b;
            path.Add(bw);
            endps.Add(labelEnd[bw] ^ 1);
            w = endpoint[labelEnd[bw]];
            bw = inBlossom[w];
        }

        blossomChilds[b] = [.. path];
        blossomEndps[b] = [.. endps];
        label[b] = 1;
        Touch(b);
        labelEnd[b] = labelEnd[bb];
        dual[b] = 0;

        // The S-children's leaves only change top-level blossom: their sign stays, and they were scanned. The largest
        // one's leaf set becomes the new blossom's (see leafSet), the others' are added to it.
        var largest = LargestSChild(path);
        var own = largest >= 0 ? TakeLeafSet(largest) : [];
        foreach (var leaf in CollectionsMarshal.AsSpan(own))
        {
            inBlossom[leaf] = b;
        }

        foreach (var child in path)
        {
            if (child == largest)
            {
                continue;
            }

            var start = own.Count;
            if (child >= n && label[child] == 1)
            {
                own.AddRange(TakeLeafSet(child));
            }
            else
            {
                own.AddRange(Leaves(child));
            }

            foreach (var leaf in CollectionsMarshal.AsSpan(own)[start..])
            {
                if (label[inBlossom[leaf]] == 2)
                {
                    // Former T-vertices become S-vertices and must be scanned.
                    queue.Add(leaf);
                }

                inBlossom[leaf] = b;
                Mark(leaf);
            }
        }

        leafSet[b] = own;
        CheckLeafSet(b);
        ComputeBestEdges(b, path);
    }

    /// <summary>
    /// Debug builds (the tests') check that a new blossom's leaf set holds exactly the vertices of its walk, each now in the blossom:
    /// a vertex left out keeps a stale top-level blossom and the solve goes wrong or never ends.
    /// </summary>
    [Conditional("DEBUG")]
    private void CheckLeafSet(int b)
    {
        var walked = Leaves(b).ToHashSet();
        if (!walked.SetEquals(leafSet[b]!) || walked.Count != leafSet[b]!.Count || walked.Any(v => inBlossom[v] != b))
        {
            throw new InvalidOperationException($"Blossom {b}'s leaf set ({leafSet[b]!.Count}) does not match its {walked.Count} vertices.");
        }
    }

    /// <summary>The S-labeled blossom among <paramref name="childs"/> with the most leaves, or -1 when none is a blossom labeled S.</summary>
    private int LargestSChild(List<int> childs)
    {
        var (largest, most) = (-1, 0);
        foreach (var child in childs)
        {
            if (child >= n && label[child] == 1 && LeafSet(child).Count > most)
            {
                (largest, most) = (child, leafSet[child]!.Count);
            }
        }

        return largest;
    }

    /// <summary>The leaves of blossom b, in no particular order: kept from its forming, else walked once.</summary>
    private List<int> LeafSet(int b) => leafSet[b] ??= [.. Leaves(b)];

    /// <summary>The leaf set of blossom b, which is becoming a child: its parent's set takes it over.</summary>
    private List<int> TakeLeafSet(int b)
    {
        var set = LeafSet(b);
        leafSet[b] = null;
        return set;
    }

    /// <summary>
    /// Keeps the least-slack edges leaving the new blossom b toward neighbouring S-blossoms, and b's best edge among
    /// them. The child with the longest list passes it on, and the other children's edges (one per neighbour) are
    /// added to it: joining two odd waking slots of 5,000 members, the first solve formed about 2,000 blossoms around
    /// one holding most of a slot, and copying its list of some 500 neighbours into each new one, sorted, was half the
    /// solve. The list it passes on can name a neighbour twice (a neighbour absorbed since, or one the others offer
    /// too); edges now inside b or toward a blossom no longer S go as it is read, and a list grown past twice its
    /// neighbours at the last count (plus 64) is made one per neighbour again.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ComputeBestEdges(int b, List<int> childs)
    {
        var (heir, longest) = (-1, -1);
        foreach (var child in childs)
        {
            if (blossomBestEdges[child] is { } list && list.Count > longest)
            {
                (heir, longest) = (child, list.Count);
            }
        }

        // bestEdgeTo is a shared all-minus-one array; only the touched entries are reset afterwards.
        bestEdgeTouched.Clear();
        foreach (var child in childs)
        {
            if (child == heir)
            {
                continue;
            }

            // A child without its own list offers every edge of its leaves, read in place: a child can be a blossom of
            // thousands of vertices, and copying their edges into a list first was a third of this method's time.
            if (blossomBestEdges[child] is { } candidates)
            {
                foreach (var (k, inner, outer, w) in CollectionsMarshal.AsSpan(candidates))
                {
                    OfferBestEdge(b, k, inner, Y(inner), outer, w);
                }
            }
            else
            {
                foreach (var v in Leaves(child))
                {
                    var yv = Y(v);
                    foreach (var (p, o, w) in neighbend[v])
                    {
                        OfferBestEdge(b, p >> 1, v, yv, o, w);
                    }
                }
            }
        }

        var own = heir >= 0 ? blossomBestEdges[heir]! : [];
        var distinct = heir >= 0 ? listDistinct[heir] : bestEdgeTouched.Count;
        foreach (var child in childs)
        {
            blossomBestEdges[child] = null;
            bestEdge[child] = -1;
        }

        foreach (var to in bestEdgeTouched)
        {
            own.Add(bestLinkTo[to]);
            bestEdgeTo[to] = -1;
        }

        if (own.Count > (2 * distinct) + 64)
        {
            distinct = OnePerNeighbour(b, own);
        }

        // The least slack, edges inside b or toward a blossom no longer S dropped as they are read.
        var kept = 0;
        var least = long.MaxValue;
        bestEdge[b] = -1;
        var links = CollectionsMarshal.AsSpan(own);
        foreach (var link in links)
        {
            var bo = inBlossom[link.Outer];
            if (bo == b || label[bo] != 1)
            {
                continue;
            }

            var slack = Y(link.Inner) + Y(link.Outer) - (2 * link.W);
            if (slack < least)
            {
                (bestEdge[b], least) = (link.K, slack);
            }

            links[kept++] = link;
        }

        own.RemoveRange(kept, own.Count - kept);
        blossomBestEdges[b] = own;
        listDistinct[b] = Math.Min(distinct, kept);
        if (bestEdge[b] != -1)
        {
            QueueBetweenS(b, bestEdge[b]);
        }
    }

    /// <summary>Keeps one edge per neighbouring S-blossom in b's list <paramref name="own"/> (its least slack, the first of equals); returns how many.</summary>
    private int OnePerNeighbour(int b, List<BestLink> own)
    {
        bestEdgeTouched.Clear();
        foreach (var (k, inner, outer, w) in CollectionsMarshal.AsSpan(own))
        {
            OfferBestEdge(b, k, inner, Y(inner), outer, w);
        }

        own.Clear();
        foreach (var to in bestEdgeTouched)
        {
            own.Add(bestLinkTo[to]);
            bestEdgeTo[to] = -1;
        }

        return own.Count;
    }

    /// <summary>
    /// Edge k from <paramref name="inner"/> (in the new blossom b, its dual given) to <paramref name="outer"/>, kept when
    /// it is the least-slack one yet to the S-blossom of its far end. Everything it needs comes with it or from arrays
    /// of the vertices: a new blossom around one holding most of a waking slot is offered a million edges, and reading
    /// each one's ends and weight from arrays of the whole graph made this method two thirds of a join's first solve.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void OfferBestEdge(int b, int k, int inner, long yInner, int outer, long w)
    {
        var bo = inBlossom[outer];
        if (bo == b || label[bo] != 1)
        {
            return;
        }

        var slack = yInner + Y(outer) - (2 * w);
        if (bestEdgeTo[bo] == -1)
        {
            bestEdgeTouched.Add(bo);
        }
        else if (slack >= bestSlackTo[bo])
        {
            return;
        }

        bestEdgeTo[bo] = k;
        bestSlackTo[bo] = slack;
        bestLinkTo[bo] = new BestLink(k, inner, outer, w);
    }

    /// <summary>Edge K leaving a blossom toward a neighbouring S-blossom: its end inside, its end outside, its weight.</summary>
    private readonly record struct BestLink(int K, int Inner, int Outer, long W);
}
