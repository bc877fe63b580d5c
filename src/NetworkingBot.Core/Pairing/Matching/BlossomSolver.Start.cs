namespace NetworkingBot.Core.Pairing.Matching;

/// <summary>Warm starts and the bookkeeping that lets a dual update visit only the current stage's forest.</summary>
internal sealed partial class BlossomSolver
{
    private void ApplyWarmStart(WarmStart start)
    {
        if (!maxCardinality || start.VertexDual.Length != n || start.MateEdge.Length != n)
        {
            throw new ArgumentException("A warm start needs maxCardinality and one dual and mate edge per vertex.", nameof(start));
        }

        Array.Copy(start.VertexDual, dual, n);
        for (var v = 0; v < n; v++)
        {
            var k = start.MateEdge[v];
            if (k >= 0)
            {
                mate[v] = edgeU[k] == v ? (2 * k) + 1 : 2 * k;
            }
        }

        // Free vertices are the roots of every stage and move together, so S-S slacks stay even only if
        // their duals share one parity; raising a free vertex's dual never breaks feasibility.
        for (var v = 0; v < n; v++)
        {
            if (mate[v] == -1 && (dual[v] & 1) != 0)
            {
                dual[v]++;
            }
        }
    }

    /// <summary>
    /// Records that x (vertex or blossom) may carry a label or a best edge in this stage, so a dual update
    /// visits the stage's forest instead of every vertex and blossom (stale entries are skipped by label).
    /// </summary>
    private void Touch(int x)
    {
        if (seenInStage[x] != stage)
        {
            seenInStage[x] = stage;
            (x < n ? touchedVertices : touchedBlossoms).Add(x);
        }
    }

    /// <summary>The matched edge index of each vertex (-1 when free), for warm-starting a later solve.</summary>
    public int[] MateEdges()
    {
        var result = new int[n];
        for (var v = 0; v < n; v++)
        {
            result[v] = mate[v] >= 0 ? mate[v] / 2 : -1;
        }

        return result;
    }
}
