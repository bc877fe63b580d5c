using System.Runtime.CompilerServices;

namespace NetworkingBot.Core.Pairing.Matching;

/// <summary>
/// State and main loop of the blossom algorithm. Vertices are 0..n-1, blossoms n..2n-1. An edge k has
/// endpoints 2k (its U side) and 2k+1 (its V side); "p ^ 1" is the other end. Labels: 0 free, 1 S, 2 T
/// (5 marks a blossom during <see cref="ScanBlossom"/>). Recursion of the reference implementation is
/// replaced by explicit stacks so deeply nested blossoms cannot overflow the thread stack.
/// </summary>
internal sealed partial class BlossomSolver
{
    private readonly int n;
    private readonly bool maxCardinality;
    private int[] edgeU;
    private int[] edgeV;
    private long[] edgeW;
    private int[] endpoint;
    /// <summary>
    /// Per vertex, its edges as (endpoint of the other side, that vertex, weight): a scan reads one vertex's edges in
    /// order instead of looking up each edge's far end and weight in arrays the size of the graph (see <see cref="Link"/>).
    /// </summary>
    private readonly Link[][] neighbend;
    private readonly int[] mate;
    private readonly int[] label;
    private readonly int[] labelEnd;
    private readonly int[] inBlossom;
    private readonly int[] blossomParent;
    private readonly int[]?[] blossomChilds;
    private readonly int[] blossomBase;
    private readonly int[]?[] blossomEndps;
    private readonly int[] bestEdge;
    private readonly List<BestLink>?[] blossomBestEdges;

    /// <summary>Neighbours in each blossom's list of best edges, as last counted (the list may name some twice).</summary>
    private readonly int[] listDistinct;

    /// <summary>
    /// Per top-level blossom, its leaves in no particular order (null until needed). A new blossom takes over its
    /// largest S-child's set and adds the others': joining two 5,000-member slots whose blossoms nest dozens deep,
    /// every new blossom around the big one walked all its leaves again, 9.6 million in one solve of 10,000 vertices
    /// and half the solve's time (docs/PERFORMANCE.md).
    /// </summary>
    private readonly List<int>?[] leafSet;
    private readonly Stack<int> unusedBlossoms = new();
    private readonly long[] dual;
    private bool[] allowEdge;
    private readonly List<int> queue = [];
    private readonly List<int> leaves = [];
    private readonly int[] leafWalk;
    private readonly List<int> scanPath = [];
    private readonly int[] bestEdgeTo;
    private readonly long[] bestSlackTo;
    private readonly BestLink[] bestLinkTo;
    private readonly List<int> bestEdgeTouched = [];
    private readonly List<int> touchedVertices = [];
    private readonly List<int> touchedBlossoms = [];
    private readonly int[] seenInStage;
    private int stage;

    /// <summary>
    /// With <paramref name="start"/> the solver begins from the given duals and matched edges instead of
    /// uniform duals and an empty matching (only with <paramref name="maxCardinality"/>, where free vertices
    /// need no zero dual). The caller guarantees the duals are feasible and every matched edge is tight.
    /// <paramref name="updateLimit"/> overrides <see cref="DefaultUpdateLimit"/> (tests only).
    /// </summary>
    public BlossomSolver(int vertexCount, IReadOnlyList<(int U, int V, long W)> edges, bool maxCardinality, WarmStart? start = null, long? updateLimit = null)
    {
        n = vertexCount;
        this.updateLimit = updateLimit ?? DefaultUpdateLimit(vertexCount);
        this.maxCardinality = maxCardinality;
        var m = edges.Count;
        edgeU = new int[m];
        edgeV = new int[m];
        edgeW = new long[m];
        endpoint = new int[2 * m];
        var degree = new int[n];
        long maxWeight = 0;
        for (var k = 0; k < m; k++)
        {
            (edgeU[k], edgeV[k], edgeW[k]) = edges[k];
            endpoint[2 * k] = edgeU[k];
            endpoint[(2 * k) + 1] = edgeV[k];
            degree[edgeU[k]]++;
            degree[edgeV[k]]++;
            maxWeight = Math.Max(maxWeight, edgeW[k]);
        }

        neighbend = new Link[n][];
        for (var v = 0; v < n; v++)
        {
            neighbend[v] = new Link[degree[v]];
            degree[v] = 0;
        }

        for (var k = 0; k < m; k++)
        {
            neighbend[edgeU[k]][degree[edgeU[k]]++] = new Link((2 * k) + 1, edgeV[k], edgeW[k]);
            neighbend[edgeV[k]][degree[edgeV[k]]++] = new Link(2 * k, edgeU[k], edgeW[k]);
        }

        mate = Filled(n, -1);
        label = new int[2 * n];
        labelEnd = Filled(2 * n, -1);
        inBlossom = Enumerable.Range(0, n).ToArray();
        blossomParent = Filled(2 * n, -1);
        blossomChilds = new int[]?[2 * n];
        blossomBase = Filled(2 * n, -1);
        Array.Copy(inBlossom, blossomBase, n);
        blossomEndps = new int[]?[2 * n];
        bestEdge = Filled(2 * n, -1);
        blossomBestEdges = new List<BestLink>?[2 * n];
        listDistinct = new int[2 * n];
        leafSet = new List<int>?[2 * n];
        toS = new EdgeQueue(n);
        betweenS = new EdgeQueue(2 * n);
        for (var b = (2 * n) - 1; b >= n; b--)
        {
            unusedBlossoms.Push(b);
        }

        dual = new long[2 * n];
        sign = new sbyte[n];
        marked = new bool[n];
        leafWalk = new int[2 * n];
        Array.Fill(dual, maxWeight, 0, n);
        allowEdge = new bool[m];
        bestEdgeTo = Filled(2 * n, -1);
        bestSlackTo = new long[2 * n];
        bestLinkTo = new BestLink[2 * n];
        seenInStage = new int[2 * n];
        treeOf = new int[2 * n];
        deadTree = new int[n];
        if (start is not null)
        {
            ApplyWarmStart(start);
        }
    }

    /// <summary>A new array of <paramref name="length"/> entries, each <paramref name="value"/>.</summary>
    internal static int[] Filled(int length, int value)
    {
        var a = new int[length];
        Array.Fill(a, value);
        return a;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Slack(int k) => Y(edgeU[k]) + Y(edgeV[k]) - (2 * edgeW[k]);

    /// <summary>
    /// Leaves of blossom b, depth first in child order (reuses one buffer). A plain array serves as the stack (also
    /// <see cref="Unlabel"/>'s; neither walk runs inside the other): labeling a blossom walks its leaves, and in a join
    /// of slots whose blossoms hold most of a slot this walk was a fifth of the join's time (a new blossom now takes
    /// its S-children's leaves from their sets, see leafSet).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<int> Leaves(int b)
    {
        leaves.Clear();
        var stack = leafWalk;
        var top = 0;
        stack[top++] = b;
        while (top > 0)
        {
            var x = stack[--top];
            if (x < n)
            {
                leaves.Add(x);
                continue;
            }

            var childs = blossomChilds[x]!;
            for (var i = childs.Length - 1; i >= 0; i--)
            {
                stack[top++] = childs[i];
            }
        }

        return leaves;
    }


    public MatchingResult Run()
    {
        for (var stage = 0; stage < n; stage++)
        {
            var more = RunStage();
            SettleDuals();
            if (!more)
            {
                break;
            }

            // End of stage: expand S-blossoms whose dual reached zero so later stages start clean.
            for (var b = n; b < 2 * n; b++)
            {
                if (blossomParent[b] == -1 && blossomBase[b] >= 0 && label[b] == 1 && dual[b] == 0)
                {
                    ExpandBlossom(b, endStage: true);
                }
            }
        }

        return BuildResult();
    }

    private MatchingResult BuildResult()
    {
        var mates = new int[n];
        for (var v = 0; v < n; v++)
        {
            mates[v] = mate[v] >= 0 ? endpoint[mate[v]] : -1;
        }

        // Only blossoms with a positive dual: one at zero adds nothing to a slack or to the objective, yet the zero
        // ones are most of a large warm solve's blossoms and the largest (joining two 5,000-member slots: 2,900 of
        // 3,500, holding 9.4 million vertices between them against 0.47 million in the rest), and listing them cost
        // more than the solve's own work.
        var blossoms = new List<MatchingBlossom>();
        for (var b = n; b < 2 * n; b++)
        {
            if (blossomBase[b] >= 0 && dual[b] != 0)
            {
                blossoms.Add(new MatchingBlossom(dual[b], [.. Leaves(b)]));
            }
        }

        return new MatchingResult(mates, dual[..n], blossoms);
    }

    /// <summary>
    /// Edge P / 2 seen from one end: P is the endpoint of its other side, O that vertex and W its weight. Scans that
    /// looked up the far end and the weight by edge read two arrays of the whole graph at random for every edge (in a
    /// 10,000-member join's first solve the best-edge recomputes alone read 5.9 million).
    /// </summary>
    private readonly record struct Link(int P, int O, long W);
}
