namespace NetworkingBot.Core.Pairing.Matching;

/// <summary>
/// The complete graph's weights as pricing needs them: one pair on demand, and every pair whose slack under
/// a dual solution is negative. <see cref="TriangularWeights"/> stores all pairs (small rounds); a streamed
/// source recomputes rows instead, so a 10,000-member round needs no 400 MB table.
/// </summary>
internal interface ICompleteWeights
{
    long this[int u, int v] { get; }

    /// <summary>Pairs with negative slack under vertex duals <paramref name="y"/> and the blossom duals, sorted by (U, V).</summary>
    List<(int U, int V)> Violations(long[] y, BlossomDuals duals);
}
