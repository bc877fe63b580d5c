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
    /// <param name="near">
    /// When given (and a pair is violated), also receives pairs with small non-negative slack, with their weights:
    /// the next solve moves duals by about the violations' deficits, so these are the pairs the next pricing would
    /// find, and adding them now saves that pass. A source may leave it empty.
    /// </param>
    /// <param name="nearWithin">Near pairs within this slack are kept even when no pair is violated (free vertices will move the duals).</param>
    /// <param name="slacks">When given, receives each returned pair's slack, in the same order.</param>
    List<(int U, int V)> Violations(long[] y, BlossomDuals duals, List<(int U, int V, long W)>? near = null, long nearWithin = 0, List<long>? slacks = null);

    /// <summary>
    /// Pairs with an end among <paramref name="vertices"/> (each vertex's pairs with every other vertex, so a pair with
    /// both ends there counts twice) whose slack is negative, counted until <paramref name="stopAt"/> is reached.
    /// </summary>
    int ViolatedAt(long[] y, BlossomDuals duals, IReadOnlyList<int> vertices, int stopAt);
}
