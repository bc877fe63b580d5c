using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetworkingBot.Core.Pairing.Matching;

/// <summary>
/// A growing sparse graph for the blossom solver, with the warm starts that let a solve on it begin
/// close to the answer: a greedy start for the first solve, and a repair of the last solution after
/// pricing added edges.
/// </summary>
/// <param name="n">Vertices.</param>
/// <param name="capacity">
/// Edges expected: sized up front, a graph of 200,000 edges is not rehashed and copied as it grows (a join of the
/// waking slots at 10,000 members spent a tenth of its time there).
/// </param>
internal sealed class CandidateGraph(int n, int capacity = 0)
{
    private readonly List<(int U, int V, long W)> edges = new(capacity);
    private readonly Dictionary<long, int> index = new(capacity);

    public IReadOnlyList<(int U, int V, long W)> Edges => edges;

    public int VertexCount => n;

    /// <summary>Adds the edge unless the pair is already present; returns its index (one hash lookup: a join adds 400,000).</summary>
    public int Add(int u, int v, long w)
    {
        ref var k = ref CollectionsMarshal.GetValueRefOrAddDefault(index, Key(u, v), out var present);
        if (!present)
        {
            k = edges.Count;
            edges.Add((u, v, w));
        }

        return k;
    }

    /// <summary>Makes room for <paramref name="more"/> edges beyond those present, before adding a batch.</summary>
    public void Reserve(int more)
    {
        edges.EnsureCapacity(edges.Count + more);
        index.EnsureCapacity(edges.Count + more);
    }

    public int IndexOf(int u, int v) => index.GetValueOrDefault(Key(u, v), -1);

    /// <summary>
    /// Each vertex's dual is its heaviest edge (feasible: no edge is heavier than either end's dual), and
    /// edges that are every end's heaviest are tight, so they are matched greedily, heaviest first.
    /// </summary>
    public WarmStart GreedyStart()
    {
        var y = new long[n];
        Array.Fill(y, long.MinValue);
        foreach (var (u, v, w) in edges)
        {
            y[u] = Math.Max(y[u], w);
            y[v] = Math.Max(y[v], w);
        }

        for (var v = 0; v < n; v++)
        {
            y[v] = y[v] == long.MinValue ? 0 : y[v];
        }

        var mateEdge = new int[n];
        Array.Fill(mateEdge, -1);
        return Tighten(y, mateEdge);
    }

    /// <summary>
    /// Lowers each free vertex's dual to the least feasible value (its heaviest edge measured against the
    /// other end's dual), which makes that edge tight; when the other end is free too, the two are matched.
    /// Fewer free vertices at the start means fewer stages for the solver.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private WarmStart Tighten(long[] y, int[] mateEdge)
    {
        var (start, adjacent) = Adjacency();
        for (var pass = 0; pass < 2; pass++)
        {
            for (var v = 0; v < n; v++)
            {
                if (mateEdge[v] != -1 || start[v] == start[v + 1])
                {
                    continue;
                }

                var (least, tightEdge) = (long.MinValue, -1);
                for (var a = start[v]; a < start[v + 1]; a++)
                {
                    var k = adjacent[a];
                    var (p, q, w) = edges[k];
                    var need = (2 * w) - y[p == v ? q : p];
                    var freeEnd = mateEdge[p == v ? q : p] == -1;
                    if (need > least || (need == least && freeEnd && tightEdge >= 0 && mateEdge[Other(tightEdge, v)] != -1))
                    {
                        (least, tightEdge) = (need, k);
                    }
                }

                y[v] = least;
                var u = Other(tightEdge, v);
                if (mateEdge[u] == -1)
                {
                    mateEdge[u] = mateEdge[v] = tightEdge;
                }
            }
        }

        return new WarmStart(y, mateEdge);
    }

    private int Other(int k, int v) => edges[k].U == v ? edges[k].V : edges[k].U;

    private (int[] Start, int[] Adjacent) Adjacency()
    {
        var start = new int[n + 1];
        foreach (var (u, v, _) in edges)
        {
            start[u + 1]++;
            start[v + 1]++;
        }

        for (var v = 0; v < n; v++)
        {
            start[v + 1] += start[v];
        }

        var fill = (int[])start.Clone();
        var adjacent = new int[2 * edges.Count];
        for (var k = 0; k < edges.Count; k++)
        {
            adjacent[fill[edges[k].U]++] = k;
            adjacent[fill[edges[k].V]++] = k;
        }

        return (start, adjacent);
    }

    /// <summary>
    /// Adds the violated pairs and returns a start that is feasible for the grown graph: blossom duals are
    /// folded into vertex duals, a violated pair raises one end's dual by its deficit, and any matched edge
    /// no longer tight is unmatched. Most of the matching survives, so the next solve has few stages.
    /// </summary>
    public WarmStart Repair(MatchingResult last, BlossomDuals duals, List<(int U, int V)> violations, ICompleteWeights weights)
    {
        var y = duals.Flattened();

        // Every raised vertex loses its matched edge (it and its mate start the next solve free), so the raised
        // ends should cover the violated pairs with as few vertices as they can: the end in more violated pairs is
        // raised (a greedy vertex cover). Joining the waking slots at 10,000 members, about 6,300 pairs are
        // violated, nearly all of them by the four members of the leftover block; raising the other end of each
        // (the one already loosest, as before) freed 6,600 vertices, raising the four frees a handful.
        var count = new int[n];
        foreach (var (u, v) in violations)
        {
            count[u]++;
            count[v]++;
        }

        foreach (var (u, v) in violations)
        {
            var w = weights[u, v];
            Add(u, v, w);
            var slack = y[u] + y[v] - (2 * w);
            if (slack < 0)
            {
                // Ties: the end already loosest, so one vertex absorbs many deficits.
                var end = count[u] != count[v] ? (count[u] > count[v] ? u : v) : (y[u] >= y[v] ? u : v);
                y[end] -= slack;
            }
        }

        var mateEdge = new int[n];
        Array.Fill(mateEdge, -1);
        for (var u = 0; u < n; u++)
        {
            var v = last.Mate[u];
            if (v > u)
            {
                var k = IndexOf(u, v);
                if (y[u] + y[v] - (2 * edges[k].W) == 0)
                {
                    mateEdge[u] = mateEdge[v] = k;
                }
            }
        }

        return Tighten(y, mateEdge);
    }

    private long Key(int u, int v) => u < v ? ((long)u * n) + v : ((long)v * n) + u;
}
