namespace NetworkingBot.Core.Pairing;

/// <summary>An eligible member as the pairing sees them.</summary>
public sealed record PairingMember(string UserId, string DisplayName, PairingProfile Profile);

/// <summary>An unordered pair of user ids; <see cref="Of"/> orders them so (a,b) and (b,a) are one key.</summary>
public readonly record struct PairKey(string A, string B)
{
    public static PairKey Of(string x, string y) => string.CompareOrdinal(x, y) <= 0 ? new PairKey(x, y) : new PairKey(y, x);
}

/// <summary>
/// What the community's past rounds say. <see cref="LastMetRound"/> maps a pair to the number of the latest
/// round that put them in one group (higher is more recent). <see cref="TrioCounts"/> counts how often each
/// member was the third in a group; <see cref="InLastTrio"/> lists the trio members of the previous round.
/// </summary>
public sealed record PairingHistory(
    IReadOnlyDictionary<PairKey, int> LastMetRound,
    IReadOnlyDictionary<string, int> TrioCounts,
    IReadOnlySet<string> InLastTrio)
{
    public static PairingHistory Empty { get; } = new(
        new Dictionary<PairKey, int>(),
        new Dictionary<string, int>(StringComparer.Ordinal),
        new HashSet<string>(StringComparer.Ordinal));
}

/// <summary>
/// One round's input. <see cref="GroupSize"/> is the program's preferred size (2 or 3);
/// <see cref="RoundNumber"/> is the number the new round will get; <see cref="RoundTime"/> decides
/// time-zone offsets (waking hours shift with daylight saving); <see cref="Seed"/> makes the result reproducible.
/// </summary>
public sealed record PairingRequest(
    IReadOnlyList<PairingMember> Members,
    PairingHistory History,
    int GroupSize,
    int RoundNumber,
    DateTimeOffset RoundTime,
    int Seed);

/// <summary>A group with the one-line explanation every member sees.</summary>
public sealed record PlannedGroup(IReadOnlyList<string> Members, string Why);

/// <summary>
/// The result. Every input member is in exactly one group or, only when fewer than two members are
/// eligible, in <see cref="Unmatched"/>. <see cref="RepeatPairs"/> counts pairs inside groups that met before.
/// </summary>
public sealed record PairingPlan(IReadOnlyList<PlannedGroup> Groups, IReadOnlyList<string> Unmatched, int RepeatPairs);

/// <summary>Chooses the groups of a round. Pure: same request, same plan.</summary>
public interface IPairingEngine
{
    PairingPlan Plan(PairingRequest request);
}
