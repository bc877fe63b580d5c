using NetworkingBot.Core.Pairing.Matching;

namespace NetworkingBot.Core.Pairing;

/// <summary>
/// Gives each third member of a trio round the pair that suits them: an exact bipartite max-weight
/// matching, a third weighing a pair by the sum of its two new edges. The bipartite graph is complete, so
/// large rounds are cut into aligned chunks (thirds and pairs in the same profile order, each chunk with at
/// least as many pairs as thirds) and each chunk is matched exactly.
/// </summary>
internal static class ThirdAssignment
{
    /// <summary>Bipartite edges per chunk (64 thirds by 64 pairs): the dense solve stays near a millisecond.</summary>
    private const int ChunkEdges = 4_096;

    public static List<int[]> Assign(PairWeights weights, List<int> thirds, List<(int A, int B)> pairs)
    {
        var chunks = (int)Math.Max(1, Math.Ceiling(Math.Sqrt((double)thirds.Count * pairs.Count / ChunkEdges)));
        var orderedThirds = thirds.OrderBy(weights.WakeSlot).ThenBy(t => weights.Tags(t)[0]).ThenBy(t => t).ToList();
        var orderedPairs = pairs.OrderBy(p => weights.WakeSlot(p.A)).ThenBy(p => weights.Tags(p.A)[0]).ThenBy(p => p.A).ToList();
        var groups = new List<int[]>();
        for (var c = 0; c < chunks; c++)
        {
            var (t0, t1) = (thirds.Count * c / chunks, thirds.Count * (c + 1) / chunks);
            var (p0, p1) = (t0, c == chunks - 1 ? pairs.Count : t1);
            groups.AddRange(AssignChunk(weights, orderedThirds[t0..t1], orderedPairs[p0..p1]));
        }

        return groups;
    }

    private static List<int[]> AssignChunk(PairWeights weights, List<int> thirds, List<(int A, int B)> pairs)
    {
        var edges = new List<(int, int, long)>(thirds.Count * pairs.Count);
        for (var s = 0; s < thirds.Count; s++)
        {
            for (var p = 0; p < pairs.Count; p++)
            {
                var w = weights.Weight(thirds[s], pairs[p].A) + weights.Weight(thirds[s], pairs[p].B);
                edges.Add((s, thirds.Count + p, w));
            }
        }

        var mate = MaxWeightMatching.Solve(thirds.Count + pairs.Count, edges, maxCardinality: true).Mate;
        var groups = new List<int[]>();
        for (var p = 0; p < pairs.Count; p++)
        {
            var s = mate[thirds.Count + p];
            groups.Add(s >= 0 ? [pairs[p].A, pairs[p].B, thirds[s]] : [pairs[p].A, pairs[p].B]);
        }

        return groups;
    }
}
