using NetworkingBot.Core.Pairing;

namespace NetworkingBot.Benchmarks;

/// <summary>
/// Deterministic communities: 8 time-zone bands (waking windows follow the zone), 2-6 of 50 interest tags
/// with a skewed distribution, 15% mentors, 25% mentees, 30% in person in one of 20 cities. Uniform: every
/// field drawn independently. Region-clustered: a member's band decides the cities they can live in and
/// shifts which tags are popular, so similar members bunch together, as in real regional communities.
/// </summary>
public static class CommunityGenerator
{
    private static readonly string[] Zones =
    [
        "America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York",
        "Europe/London", "Europe/Berlin", "Asia/Kolkata", "Australia/Sydney",
    ];

    private static readonly string[] Cities =
    [
        "Seattle", "Portland", "Denver", "Boise", "Chicago", "Kansas City", "Boston", "Toronto", "London", "Leeds",
        "Berlin", "Vienna", "Pune", "Delhi", "Sydney", "Melbourne", "Austin", "Atlanta", "Dublin", "Perth",
    ];

    // The interests the bot suggests at /coffee join (CoffeeChats' ProfileText) as they were when the figures in
    // docs/PERFORMANCE.md were measured, copied so the benchmark reads only the pairing engine and its communities
    // stay the same when the suggestions change.
    private static readonly string[] Suggested =
    [
        "cataloging", "metadata", "archives", "digital-preservation", "reference", "instruction", "youth-services",
        "academic", "public", "school", "special", "law", "medical", "museum", "systems", "data", "leadership",
    ];

    private static readonly string[] Tags = [.. Suggested, .. Enumerable.Range(0, 33).Select(i => $"topic-{i}")];

    /// <summary>
    /// How many of the zones members are drawn from (the first ones; default all 8). Fewer zones make larger waking
    /// slots, as in a community of one country: at 10,000 members and 2 zones a slot holds 5,000.
    /// </summary>
    public static int ZoneCount { get; set; } = 8;

    public static List<PairingMember> Generate(int size, int seed, bool clustered)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, size).Select(i => Member(random, i, clustered))];
    }

    public static PairingMember Member(Random random, int id, bool clustered)
    {
        var band = random.Next(Math.Clamp(ZoneCount, 1, Zones.Length));

        // Squaring a uniform draw skews towards the first tags, as real interest lists are; clustered
        // communities rotate the list by band so each band has its own favourites.
        var shift = clustered ? band * 6 : 0;
        var interests = Enumerable.Range(0, random.Next(2, 7))
            .Select(_ => Tags[((int)(Math.Pow(random.NextDouble(), 2) * Tags.Length) + shift) % Tags.Length])
            .Distinct()
            .ToList();
        var roll = random.NextDouble();
        var looking = roll < 0.15 ? PairingLookingFor.Mentee : roll < 0.40 ? PairingLookingFor.Mentor : PairingLookingFor.Any;
        var inPerson = random.NextDouble() < 0.3;
        var city = clustered ? Cities[((band * 5) / 2) + random.Next(2)] : Cities[random.Next(Cities.Length)];
        var profile = new PairingProfile(
            interests,
            Zones[band],
            (PairingStage)random.Next(1, 6),
            looking,
            inPerson ? PairingFormat.InPerson : PairingFormat.Virtual,
            inPerson ? city : null);
        return new PairingMember($"m{id:D6}", $"Member {id}", profile);
    }
}
