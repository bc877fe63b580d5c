namespace NetworkingBot.Core.Pairing.Matching;

/// <summary>
/// Exact maximum-weight matching on a general graph: Edmonds' blossom algorithm with dual variables
/// (Galil's primal-dual formulation, structured after Joris van Rantwijk's mwmatching), O(n^3) time.
/// </summary>
/// <remarks>
/// Weights are integers so every dual stays integral and optimality is exact. Keep |w| below
/// <see cref="MaxAbsWeight"/>: duals and slacks reach a few times the largest weight.
/// </remarks>
internal static class MaxWeightMatching
{
    /// <summary>Largest absolute edge weight accepted; leaves headroom for duals and doubled slacks.</summary>
    public const long MaxAbsWeight = 1L << 59;

    /// <summary>
    /// Finds a maximum-weight matching. With <paramref name="maxCardinality"/> the result is a
    /// maximum-weight matching among those of maximum cardinality.
    /// </summary>
    /// <param name="vertexCount">Vertices are 0..vertexCount-1.</param>
    /// <param name="edges">Undirected edges; parallel edges are allowed, self-loops are not.</param>
    /// <param name="maxCardinality">Prefer more matched edges over weight.</param>
    public static MatchingResult Solve(int vertexCount, IReadOnlyList<(int U, int V, long W)> edges, bool maxCardinality) =>
        Solve(vertexCount, edges, maxCardinality, null);

    /// <summary>As above, optionally starting from feasible duals and a matching of tight edges (see <see cref="WarmStart"/>).</summary>
    public static MatchingResult Solve(int vertexCount, IReadOnlyList<(int U, int V, long W)> edges, bool maxCardinality, WarmStart? start)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(vertexCount);
        foreach (var (u, v, w) in edges)
        {
            if (u < 0 || v < 0 || u >= vertexCount || v >= vertexCount || u == v)
            {
                throw new ArgumentException($"Invalid edge ({u},{v}) for {vertexCount} vertices.", nameof(edges));
            }

            if (w > MaxAbsWeight || w < -MaxAbsWeight)
            {
                throw new ArgumentOutOfRangeException(nameof(edges), $"Edge weight {w} exceeds ±2^59.");
            }
        }

        return new BlossomSolver(vertexCount, edges, maxCardinality, start).Run();
    }

    /// <summary>Sum of the weights of the matched edges (the heaviest parallel edge of each matched pair), in 128 bits.</summary>
    public static Int128 Weight(IReadOnlyList<(int U, int V, long W)> edges, int[] mate)
    {
        var best = new Dictionary<(int, int), long>();
        foreach (var (u, v, w) in edges)
        {
            var key = u < v ? (u, v) : (v, u);
            if (mate[u] == v && (!best.TryGetValue(key, out var old) || w > old))
            {
                best[key] = w;
            }
        }

        return best.Values.Aggregate(Int128.Zero, (sum, w) => sum + w);
    }
}

/// <summary>
/// A matching with its optimality certificate. <see cref="Mate"/>[v] is v's partner or -1.
/// Duals are in mwmatching's scaled form: the slack of edge (i,j,w) is
/// <c>VertexDual[i] + VertexDual[j] - 2w + 2 * sum(Dual of every blossom containing both i and j)</c>.
/// </summary>
internal sealed record MatchingResult(int[] Mate, long[] VertexDual, IReadOnlyList<MatchingBlossom> Blossoms);

/// <summary>A non-trivial blossom (odd vertex set) alive at the end with a positive dual (a zero dual changes no slack).</summary>
internal sealed record MatchingBlossom(long Dual, int[] Vertices);

/// <summary>
/// Where a solve may begin: vertex duals (mwmatching's scaled form, any sign) feasible for every edge, and
/// per vertex the index of its matched edge (-1 when free), each matched edge tight. Only valid with
/// maxCardinality, the mode of perfect matchings.
/// </summary>
internal sealed record WarmStart(long[] VertexDual, int[] MateEdge);
