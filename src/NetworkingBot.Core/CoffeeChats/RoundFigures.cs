using NetworkingBot.Core.Pairing;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>
/// What one round amounted to, as /coffee stats counts it. <see cref="SatOut"/> is members who had joined by the round
/// and are still in the program but were not placed (paused, skipping or on a slower cadence then). Each group has
/// exactly one outcome, the best any member answered: met, else scheduled, else did not meet, else no answer.
/// <see cref="Repeats"/> counts pairs who had met in an earlier round.
/// </summary>
public sealed record RoundFigures(
    int Number, DateTimeOffset At, int Paired, int SatOut, int Groups, int Met, int Scheduled, int DidNotMeet, int NoAnswer, int Pairs, int Repeats)
{
    /// <summary>Every listed round's figures, oldest first; <paramref name="rounds"/> must hold the community's whole history for the repeats.</summary>
    public static async Task<IReadOnlyList<RoundFigures>> ForAsync(
        IReadOnlyList<Round> rounds, IReadOnlyList<Member> members, IRoundStore store, CancellationToken cancellationToken)
    {
        var figures = new List<RoundFigures>();
        var seen = new HashSet<PairKey>();
        foreach (var round in rounds.OrderBy(r => r.Number))
        {
            var answers = await store.GetCheckInsAsync(round.RoundId, cancellationToken).ConfigureAwait(false);
            var placed = round.Groups.SelectMany(g => g.Members).ToHashSet(StringComparer.Ordinal);
            int met = 0, scheduled = 0, didNot = 0, none = 0, pairs = 0, repeats = 0;
            foreach (var group in round.Groups)
            {
                var given = answers.Where(a => group.Members.Contains(a.UserId)).Select(a => a.Answer).ToList();
                _ = given.Contains(CheckInAnswer.Met) ? met++
                    : given.Contains(CheckInAnswer.Scheduled) ? scheduled++
                    : given.Contains(CheckInAnswer.NotThisTime) ? didNot++
                    : none++;
                foreach (var pair in PairsOf(group.Members))
                {
                    pairs++;
                    repeats += seen.Add(pair) ? 0 : 1;
                }
            }

            var satOut = members.Count(m => m.Status == MemberStatus.Active && m.JoinedAt <= round.ScheduledFor && !placed.Contains(m.UserId));
            figures.Add(new RoundFigures(round.Number, round.ScheduledFor, placed.Count, satOut, round.Groups.Count, met, scheduled, didNot, none, pairs, repeats));
        }

        return figures;
    }

    private static IEnumerable<PairKey> PairsOf(IReadOnlyList<string> members)
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
