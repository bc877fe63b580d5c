using NetworkingBot.Core.Pairing;

namespace NetworkingBot.Benchmarks;

/// <summary>
/// Who is eligible each round. With churn, between rounds: 5% skip the next round, 2% pause for 2-6
/// rounds, each member leaves with probability 1%, and as many join as a draw with the same expectation
/// (each current member "brings" one newcomer with probability 1%), so a community neither grows nor shrinks
/// on average at any size (before, 1% left rounded down, zero below 100, while at least one joined every round:
/// 21 members grew to 93 in 100 rounds). All drawn from a seeded random source. The eligible count keeps the
/// parity asked for (even or odd) by letting one more member skip if needed.
/// </summary>
public sealed class Membership(int size, int seed, bool clustered, bool churn)
{
    /// <summary>Chance per member and round of leaving, and of a newcomer joining for each member.</summary>
    public const double Turnover = 0.01;

    private readonly Random random = new(seed ^ 0x5EED);
    private readonly List<PairingMember> members = CommunityGenerator.Generate(size, seed, clustered);
    private readonly Dictionary<string, int> pausedUntil = new(StringComparer.Ordinal);
    private readonly HashSet<string> skipping = new(StringComparer.Ordinal);
    private readonly int parity = size % 2;
    private int nextId = size;

    /// <summary>Members enrolled now (eligible or not).</summary>
    public int Enrolled => members.Count;

    /// <summary>Members eligible in the given round, in a stable order.</summary>
    public List<PairingMember> Eligible(int round)
    {
        var eligible = members.Where(m => !skipping.Contains(m.UserId) && pausedUntil.GetValueOrDefault(m.UserId) <= round).ToList();
        if (eligible.Count % 2 != parity && eligible.Count > 0)
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

        // Both counts are drawn over the same members with the same probability: equal expectations.
        var joining = members.Count(_ => random.NextDouble() < Turnover);
        members.RemoveAll(_ => random.NextDouble() < Turnover);
        for (var i = 0; i < joining; i++)
        {
            members.Add(CommunityGenerator.Member(random, nextId++, clustered));
        }
    }
}
