using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Pairing;

namespace NetworkingBot.Benchmarks;

/// <summary>A deterministic community: skewed interests, several time zones, mentors and mentees, some in-person.</summary>
public static class CommunityGenerator
{
    private static readonly string[] Zones =
    [
        "America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York",
        "Europe/London", "Europe/Berlin", "Asia/Kolkata", "Australia/Sydney",
    ];

    private static readonly string[] Cities = ["Kansas City", "Chicago", "Denver", "Boston", "Seattle", "Austin", "Toronto", "London"];

    public static List<PairingMember> Generate(int size, int seed)
    {
        var random = new Random(seed);
        var tags = ProfileText.SuggestedInterests.Concat(Enumerable.Range(0, 33).Select(i => $"topic-{i}")).ToArray();
        var members = new List<PairingMember>(size);
        for (var i = 0; i < size; i++)
        {
            // Squaring a uniform draw skews towards the first tags, as real interest lists are.
            var interests = Enumerable.Range(0, random.Next(2, 7))
                .Select(_ => tags[(int)(Math.Pow(random.NextDouble(), 2) * tags.Length)])
                .Distinct()
                .ToList();
            var roll = random.NextDouble();
            var looking = roll < 0.15 ? LookingFor.Mentee : roll < 0.40 ? LookingFor.Mentor : LookingFor.Any;
            var inPerson = random.NextDouble() < 0.3;
            var profile = new MemberProfile(
                interests,
                Zones[random.Next(Zones.Length)],
                (CareerStage)random.Next(1, 6),
                looking,
                inPerson ? MeetingFormat.InPerson : MeetingFormat.Virtual,
                inPerson ? Cities[random.Next(Cities.Length)] : null,
                Cadence.Weekly);
            members.Add(new PairingMember($"m{i:D6}", $"Member {i}", profile));
        }

        return members;
    }
}
