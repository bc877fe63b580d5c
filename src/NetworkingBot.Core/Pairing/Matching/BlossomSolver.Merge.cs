namespace NetworkingBot.Core.Pairing.Matching;

/// <summary>
/// Finished solvers of disjoint vertex sets joined into one, every blossom kept. The waking slots of a round are
/// solved apart and then joined; a join that starts from duals with the blossoms folded into their vertices loosens
/// the matched edges inside every blossom, and at 10,000 members in eight slots hundreds of members started the
/// join's solve free where four had to be (docs/PERFORMANCE.md). Kept whole, only the members the slots left out
/// are free.
/// </summary>
internal sealed partial class BlossomSolver
{
    /// <summary>Vertices the solver matches.</summary>
    public int VertexCount => n;

    /// <summary>Vertices without a mate now.</summary>
    public int FreeCount() => mate.Count(m => m == -1);

    /// <summary>Current mates, vertex duals and blossoms with a positive dual (between runs).</summary>
    public MatchingResult Current() => BuildResult();

    /// <summary>
    /// Takes vertex v out of the matching and out of every blossom, between runs, before <see cref="Merge"/> leaves
    /// it out. Each blossom holding v is dissolved from the top, its dual folded into its vertices (a slack inside
    /// keeps its value, a pair leaving gains), which frees its base and the base's mate when the dual was positive;
    /// then v's own mate is freed. (Turning the matching inside the blossom so that v becomes its base frees one
    /// vertex instead, but the joins of 10,001-member rounds then ran away more often: docs/PERFORMANCE.md.)
    /// </summary>
    public void Detach(int v)
    {
        while (inBlossom[v] != v)
        {
            RaiseTop(v, dual[inBlossom[v]], dissolve: true);
        }

        Unmatch(v);
    }

    /// <summary>
    /// Raises the top-level blossom of free vertex v (v itself, or a blossom whose base it is) by d as a unit: every
    /// pair leaving it gains d (see <see cref="RaiseTop"/>), to cover pairs toward vertices of other parts. Call
    /// between runs.
    /// </summary>
    public void RaiseFree(int v, long d)
    {
        if (mate[v] != -1 || blossomBase[inBlossom[v]] != v)
        {
            throw new InvalidOperationException($"Vertex {v} is not free: raising its blossom would loosen a matched edge.");
        }

        RaiseTop(v, d, dissolve: false);
    }

    /// <summary>
    /// One solver over <paramref name="vertexCount"/> vertices holding the finished state of every part: part p's
    /// vertex v becomes <c>Map[v]</c> (-1 leaves it out: it must have been <see cref="Detach">detached</see>), its
    /// blossoms keep their structure and duals, and its edges follow in part order (edges to a left-out vertex are
    /// dropped). The caller's candidate graph must list <paramref name="edges"/> in the same order.
    /// </summary>
    public static BlossomSolver Merge(int vertexCount, IReadOnlyList<(BlossomSolver Part, int[] Map)> parts, out List<(int U, int V, long W)> edges)
    {
        edges = new List<(int U, int V, long W)>(parts.Sum(p => p.Part.edgeU.Length));
        var edgeMaps = new int[parts.Count][];
        for (var i = 0; i < parts.Count; i++)
        {
            var (part, map) = parts[i];
            if (map.Length != part.n)
            {
                throw new ArgumentException("A part's map needs one entry per vertex.", nameof(parts));
            }

            var edgeMap = edgeMaps[i] = new int[part.edgeU.Length];
            for (var k = 0; k < edgeMap.Length; k++)
            {
                var (u, v) = (map[part.edgeU[k]], map[part.edgeV[k]]);
                edgeMap[k] = u >= 0 && v >= 0 ? edges.Count : -1;
                if (u >= 0 && v >= 0)
                {
                    edges.Add((u, v, part.edgeW[k]));
                }
            }
        }

        var joined = new BlossomSolver(vertexCount, edges, maxCardinality: true);
        var nextBlossom = vertexCount;
        for (var i = 0; i < parts.Count; i++)
        {
            nextBlossom = joined.Take(parts[i].Part, parts[i].Map, edgeMaps[i], nextBlossom);
        }

        joined.unusedBlossoms.Clear();
        for (var b = (2 * vertexCount) - 1; b >= nextBlossom; b--)
        {
            joined.unusedBlossoms.Push(b);
        }

        return joined;
    }

    /// <summary>Copies one part's mates, duals and blossoms in; returns the next free blossom id.</summary>
    private int Take(BlossomSolver part, int[] map, int[] edgeMap, int nextBlossom)
    {
        var blossomMap = new int[part.n];
        for (var b = part.n; b < 2 * part.n; b++)
        {
            blossomMap[b - part.n] = part.blossomBase[b] >= 0 ? nextBlossom++ : -1;
        }

        int To(int x) => x < 0 ? -1 : x < part.n ? map[x] : blossomMap[x - part.n];
        int Endpoint(int p) => edgeMap[p / 2] is var k and >= 0
            ? (2 * k) + (p & 1)
            : throw new InvalidOperationException("A kept vertex or blossom refers to an edge of a left-out vertex.");

        for (var v = 0; v < part.n; v++)
        {
            var g = map[v];
            if (g < 0)
            {
                if (part.mate[v] != -1 || part.inBlossom[v] != v)
                {
                    throw new InvalidOperationException($"Vertex {v} is left out but still matched or in a blossom.");
                }

                continue;
            }

            dual[g] = part.Y(v);
            mate[g] = part.mate[v] >= 0 ? Endpoint(part.mate[v]) : -1;
            inBlossom[g] = To(part.inBlossom[v]);
            blossomParent[g] = To(part.blossomParent[v]);
        }

        for (var b = part.n; b < 2 * part.n; b++)
        {
            var g = blossomMap[b - part.n];
            if (g < 0)
            {
                continue;
            }

            dual[g] = part.dual[b];
            blossomBase[g] = map[part.blossomBase[b]];
            blossomParent[g] = To(part.blossomParent[b]);
            blossomChilds[g] = [.. part.blossomChilds[b]!.Select(To)];
            blossomEndps[g] = [.. part.blossomEndps[b]!.Select(Endpoint)];
        }

        return nextBlossom;
    }
}
