using NetworkingBot.Core.Pairing.Matching;

namespace NetworkingBot.Core.Pairing;

/// <summary>One block's exact solve on its candidate graph, in the block's own vertex numbers (0..Members.Length-1).</summary>
/// <param name="Members">Member index of each block vertex.</param>
/// <param name="Result">Mates and duals of the solve.</param>
/// <param name="Edges">The block's candidate graph.</param>
internal sealed record BlockSolution(int[] Members, MatchingResult Result, IReadOnlyList<(int U, int V, long W)> Edges);

/// <summary>
/// A matching of a round with what it proves: <see cref="Bound"/> is an upper bound on the weight of any
/// perfect matching of the complete graph (equal to <see cref="Weight"/> when <see cref="Exact"/>).
/// Timings and the kept candidate graph are for the benchmark only; they never influence the result.
/// </summary>
internal sealed record MatchOutcome(List<(int A, int B)> Pairs, Int128 Weight, Int128 Bound, int CandidateEdges, bool Exact)
{
    public double BuildMs { get; init; }

    public double SolveMs { get; init; }

    /// <summary>Blossom solves of the whole round after its first pricing (table path: 1 + pricing rounds that found missing pairs); 0 for blocks alone.</summary>
    public int Solves { get; init; }

    /// <summary>
    /// Members free when the join of the waking slots began its first solve (null without a join): the members the
    /// odd slots left out, and more where the join folded blossoms into their vertices.
    /// </summary>
    public int? JoinFree { get; init; }

    /// <summary>The candidate graph in member indices, when <see cref="PairingEngineOptions.KeepGraph"/> asks for it.</summary>
    public List<(int U, int V, long W)>? Graph { get; init; }

    /// <summary>
    /// The honest quality figure, (W - F) / (B - F): the share of the best possible preference weight this
    /// matching is proven to reach, where F is what the fresh and recency levels give every repeat-free
    /// perfect matching (<see cref="WeightScale.FreshPart"/>) and B the bound. B is at least the complete
    /// graph's optimum, so this is a lower bound on (W - F) / (OPT - F); 1 when exact. W / B says nothing:
    /// F dwarfs the rest, so even a matching without any preference weight scores 0.9999999 there.
    /// </summary>
    public double PreferenceRatio(Int128 freshPart) =>
        Bound == freshPart ? 1 : (double)(Weight - freshPart) / (double)(Bound - freshPart);
}
