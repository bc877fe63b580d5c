namespace NetworkingBot.Benchmarks;

/// <summary>
/// How many rounds each member was eligible for. Trio spread is measured over the members present in at least
/// <see cref="Threshold"/> rounds: under churn nobody is present in every one of 100 rounds (5% skip each
/// round), so "present in every round" measured nobody, while members present far less often than others
/// cannot be expected to have as many trios.
/// </summary>
internal sealed class Presence
{
    /// <summary>Share of the rounds so far a member must have been eligible for to count.</summary>
    public const double Share = 0.8;

    private readonly Dictionary<string, int> rounds = new(StringComparer.Ordinal);

    public void Record(IEnumerable<string> eligible)
    {
        foreach (var id in eligible)
        {
            rounds[id] = rounds.GetValueOrDefault(id) + 1;
        }
    }

    /// <summary>k after the given number of rounds: ceil(0.8 x rounds).</summary>
    public static int Threshold(int roundsSoFar) => (int)Math.Ceiling(Share * roundsSoFar);

    /// <summary>Members eligible in at least <see cref="Threshold"/> of the rounds so far.</summary>
    public List<string> Regulars(int roundsSoFar) =>
        [.. rounds.Where(r => r.Value >= Threshold(roundsSoFar)).Select(r => r.Key)];
}
