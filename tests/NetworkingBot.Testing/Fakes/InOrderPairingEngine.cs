using NetworkingBot.Core.Pairing;

namespace NetworkingBot.Testing.Fakes;

/// <summary>
/// A deliberately simple pairing for tests of the round flow (not of pairing quality): members are paired in
/// input order; with an odd count the last three form a trio; a single member is unmatched.
/// </summary>
public sealed class InOrderPairingEngine : IPairingEngine
{
    public const string Why = "test pairing";

    public PairingPlan Plan(PairingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ids = request.Members.Select(m => m.UserId).ToList();
        if (ids.Count < 2)
        {
            return new PairingPlan([], ids, 0);
        }

        var groups = new List<PlannedGroup>();
        var pairsEnd = ids.Count % 2 == 0 ? ids.Count : ids.Count - 3;
        for (var i = 0; i < pairsEnd; i += 2)
        {
            groups.Add(new PlannedGroup([ids[i], ids[i + 1]], Why));
        }

        if (ids.Count % 2 == 1)
        {
            groups.Add(new PlannedGroup(ids.Skip(ids.Count - 3).ToList(), Why));
        }

        var repeats = groups.Sum(g => Pairs(g.Members).Count(p => request.History.LastMetRound.ContainsKey(p)));
        return new PairingPlan(groups, [], repeats);
    }

    private static IEnumerable<PairKey> Pairs(IReadOnlyList<string> members)
    {
        for (var i = 0; i < members.Count; i++)
        {
            for (var j = i + 1; j < members.Count; j++)
            {
                yield return PairKey.Of(members[i], members[j]);
            }
        }
    }
}
