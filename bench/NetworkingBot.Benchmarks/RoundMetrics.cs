using NetworkingBot.Core.Pairing;

namespace NetworkingBot.Benchmarks;

/// <summary>
/// What a round gives its members, over every pair inside a group: total weight, repeated pairs, mean
/// waking-hours overlap, share of pairs with a shared interest, share of mentor-seekers grouped with a
/// mentor, share of in-person members grouped with someone from their city.
/// </summary>
internal sealed record RoundMetrics(Int128 Weight, int Pairs, int Repeats, double Hours, double SharedTag, double Mentored, double SameCity)
{
    public static RoundMetrics Of(PairScorer scorer, IEnumerable<int[]> groups)
    {
        Int128 weight = 0;
        var (repeats, pairs, hours, tagged) = (0, 0, 0L, 0);
        var (seekers, mentored, inPerson, local) = (0, 0, 0, 0);
        foreach (var g in groups)
        {
            for (var i = 0; i < g.Length; i++)
            {
                for (var j = i + 1; j < g.Length; j++)
                {
                    var c = scorer.Criteria(g[i], g[j]);
                    weight += scorer.Weight(g[i], g[j]);
                    repeats += c.Fresh ? 0 : 1;
                    pairs++;
                    hours += c.HoursOverlap;
                    tagged += c.Shared.Count > 0 ? 1 : 0;
                }

                var me = scorer.Members[g[i]];
                var others = g.Where(x => x != g[i]).ToList();
                if (me.Profile.LookingFor == PairingLookingFor.Mentor)
                {
                    seekers++;
                    mentored += others.Any(o => PairScorer.MentorFit(me, scorer.Members[o]) > 0 && scorer.Members[o].MentorMinded) ? 1 : 0;
                }

                if (me.Profile.Format == PairingFormat.InPerson)
                {
                    inPerson++;
                    local += others.Any(o => scorer.Criteria(g[i], o).Region == 1) ? 1 : 0;
                }
            }
        }

        return new RoundMetrics(weight, pairs, repeats, Share(hours, pairs), Share(tagged, pairs), Share(mentored, seekers), Share(local, inPerson));
    }

    private static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;
}
