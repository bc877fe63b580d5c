using NetworkingBot.Core.Pairing;

namespace NetworkingBot.Benchmarks;

/// <summary>
/// Who is eligible each round. With churn, between rounds: 5% skip the next round, 2% pause for 2-6
/// rounds, 1% leave and new members join at 1% of the size; all drawn from a seeded random source. The
/// eligible count keeps the parity asked for (even or odd) by letting one more member skip if needed.
/// </summary>
public sealed class Membership(int size, int seed, bool clustered, bool churn)
{
    private readonly Random random = new(seed ^ 0x5EED);
    private readonly List<PairingMember> members = CommunityGenerator.Generate(size, seed, clustered);
    private readonly Dictionary<string, int> pausedUntil = new(StringComparer.Ordinal);
    private readonly HashSet<string> skipping = new(StringComparer.Ordinal);
    private readonly int parity = size % 2;
    private readonly int joiners = Math.Max(1, size / 100);
    private int nextId = size;

    /// <summary>Members eligible in the given round, in a stable order.</summary>
    public List<PairingMember> Eligible(int round)
    {
        var eligible = members.Where(m => !skipping.Contains(m.UserId) && pausedUntil.GetValueOrDefault(m.UserId) <= round).ToList();
        if (eligible.Count % 2 != parity)
        {
            eligible.RemoveAt(eligible.Count - 1);
        }

        return eligible;
    }

    /// <summary>Applies one round's worth of churn (nothing without churn).</summary>
    public void Advance(int round)
    {
        skipping.Clear();
        if (!churn)
        {
            return;
        }

        foreach (var m in members)
        {
            var roll = random.NextDouble();
            if (roll < 0.05)
            {
                skipping.Add(m.UserId);
            }
            else if (roll < 0.07)
            {
                pausedUntil[m.UserId] = round + 1 + random.Next(2, 7);
            }
        }

        var leaving = members.Count / 100;
        for (var i = 0; i < leaving; i++)
        {
            members.RemoveAt(random.Next(members.Count));
        }

        for (var i = 0; i < joiners; i++)
        {
            members.Add(CommunityGenerator.Member(random, nextId++, clustered));
        }
    }
}
