using NetworkingBot.Core.Pairing;

namespace NetworkingBot.Benchmarks;

/// <summary>
/// One pairing method's own history over the rounds (each method meets its own past), recorded the way
/// the bot's round recorder does: last round per pair, trio counts, last round's trio.
/// </summary>
internal sealed class Track(string name)
{
    private readonly Dictionary<PairKey, int> lastMet = [];
    private readonly Dictionary<string, int> trioCounts = new(StringComparer.Ordinal);
    private HashSet<string> lastTrio = new(StringComparer.Ordinal);

    public string Name => name;

    public PairingHistory History => new(lastMet, trioCounts, lastTrio);

    /// <summary>Rounds before the first repeated pair (null while none).</summary>
    public int? FirstRepeatRound { get; private set; }

    public void Record(IReadOnlyList<IReadOnlyList<string>> groups, int round, int repeats)
    {
        if (repeats > 0)
        {
            FirstRepeatRound ??= round;
        }

        lastTrio = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            for (var i = 0; i < group.Count; i++)
            {
                for (var j = i + 1; j < group.Count; j++)
                {
                    lastMet[PairKey.Of(group[i], group[j])] = round;
                }

                if (group.Count == 3)
                {
                    trioCounts[group[i]] = trioCounts.GetValueOrDefault(group[i]) + 1;
                    lastTrio.Add(group[i]);
                }
            }
        }
    }

    /// <summary>Max minus min trio count over the given members (see <see cref="Presence"/> for who is counted).</summary>
    public int TrioSpread(IEnumerable<string> members)
    {
        var counts = members.Select(m => trioCounts.GetValueOrDefault(m)).ToList();
        return counts.Count == 0 ? 0 : counts.Max() - counts.Min();
    }
}
