using NetworkingBot.Core.Pairing;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>Folds a community's past rounds into what the pairing needs to know.</summary>
public static class HistoryBuilder
{
    public static PairingHistory Build(IReadOnlyList<Round> rounds)
    {
        var lastMet = new Dictionary<PairKey, int>();
        var trioCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var inLastTrio = new HashSet<string>(StringComparer.Ordinal);
        var planned = rounds.Where(r => r.Status != RoundStatus.Claimed).OrderBy(r => r.Number).ToList();
        foreach (var round in planned)
        {
            foreach (var group in round.Groups)
            {
                for (var i = 0; i < group.Members.Count; i++)
                {
                    for (var j = i + 1; j < group.Members.Count; j++)
                    {
                        lastMet[PairKey.Of(group.Members[i], group.Members[j])] = round.Number;
                    }
                }

                if (group.Members.Count == 3)
                {
                    foreach (var m in group.Members)
                    {
                        trioCounts[m] = trioCounts.GetValueOrDefault(m) + 1;
                    }
                }
            }
        }

        if (planned.Count > 0)
        {
            inLastTrio.UnionWith(planned[^1].Groups.Where(g => g.Members.Count == 3).SelectMany(g => g.Members));
        }

        return new PairingHistory(lastMet, trioCounts, inLastTrio);
    }
}
