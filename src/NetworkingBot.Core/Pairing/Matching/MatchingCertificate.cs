namespace NetworkingBot.Core.Pairing.Matching;

/// <summary>
/// Checks a <see cref="MatchingResult"/> against its duals, independently of the solver's internals
/// (the checks of mwmatching's verifyOptimum): dual feasibility of every edge, tight matched edges,
/// zero dual on free vertices and full blossoms wherever a blossom dual is positive. Passing proves the
/// matching has maximum weight (with maxCardinality: maximum weight for weights shifted by the dual offset).
/// </summary>
internal static class MatchingCertificate
{
    /// <summary>Returns null when the certificate holds, otherwise a description of the first violation.</summary>
    public static string? Verify(int n, IReadOnlyList<(int U, int V, long W)> edges, bool maxCardinality, MatchingResult result)
    {
        var (mate, y, blossoms) = (result.Mate, result.VertexDual, result.Blossoms);
        if (mate.Length != n || y.Length != n)
        {
            return "wrong array lengths";
        }

        for (var v = 0; v < n; v++)
        {
            if (mate[v] >= n || (mate[v] >= 0 && mate[mate[v]] != v) || mate[v] == v)
            {
                return $"mate of {v} is not symmetric";
            }
        }

        var minY = n == 0 ? 0 : y.Min();
        var offset = maxCardinality ? Math.Max(0, -minY) : 0;
        if (minY + offset < 0 || blossoms.Any(b => b.Dual < 0))
        {
            return "negative dual";
        }

        // Blossoms containing each vertex, as ascending blossom indices, to sum the duals over an edge.
        var containing = new List<int>[n];
        for (var v = 0; v < n; v++)
        {
            containing[v] = [];
        }

        for (var b = 0; b < blossoms.Count; b++)
        {
            foreach (var v in blossoms[b].Vertices)
            {
                containing[v].Add(b);
            }
        }

        var matchedTight = new HashSet<(int, int)>();
        foreach (var (u, v, w) in edges)
        {
            var s = y[u] + y[v] - (2 * w) + (2 * SharedDual(containing[u], containing[v], blossoms));
            if (s < 0)
            {
                return $"edge ({u},{v}) has negative slack {s}";
            }

            if (mate[u] == v && s == 0)
            {
                matchedTight.Add(u < v ? (u, v) : (v, u));
            }
        }

        for (var v = 0; v < n; v++)
        {
            if (mate[v] > v && !matchedTight.Contains((v, mate[v])))
            {
                return $"matched pair ({v},{mate[v]}) has no tight edge";
            }

            if (mate[v] < 0 && y[v] + offset != 0)
            {
                return $"free vertex {v} has dual {y[v] + offset}";
            }
        }

        foreach (var b in blossoms.Where(b => b.Dual > 0))
        {
            var inside = b.Vertices.ToHashSet();
            var matchedInside = b.Vertices.Count(v => mate[v] >= 0 && inside.Contains(mate[v]));
            if (b.Vertices.Length % 2 == 0 || matchedInside != b.Vertices.Length - 1)
            {
                return "a blossom with positive dual is not full";
            }
        }

        return null;
    }

    private static long SharedDual(List<int> a, List<int> b, IReadOnlyList<MatchingBlossom> blossoms)
    {
        long sum = 0;
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
        {
            if (a[i] == b[j])
            {
                sum += blossoms[a[i]].Dual;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }
}
