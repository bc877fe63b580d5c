namespace NetworkingBot.Core.Pairing;

/// <summary>
/// Size limits of <see cref="MaxWeightPairingEngine"/>. Up to <see cref="ExactLimit"/> members a round is
/// matched exactly on the complete graph; above it, in blocks of about <see cref="BlockSize"/> members,
/// each block on a candidate graph of its <see cref="Neighbours"/> nearest members in profile order and the
/// best <see cref="Candidates"/> of <see cref="SampleSize"/> sampled ones.
/// </summary>
public sealed record PairingEngineOptions(
    int ExactLimit = 2000,
    int BlockSize = 1000,
    int Neighbours = 4,
    int Candidates = 6,
    int SampleSize = 24)
{
    public static PairingEngineOptions Default { get; } = new();
}
