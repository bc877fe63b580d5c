using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Storage.Sqlite;

namespace NetworkingBot.JobBenchmarks;

/// <summary>A reproducible community of subscribers with a realistic spread of tags, places and types.</summary>
internal static class Population
{
    public const string Community = "bench:jobs";
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Tags =
    [
        "archives", "metadata", "cataloging", "reference", "instruction", "youth-services", "public", "academic", "law", "medical",
        "digital-preservation", "systems", "data", "special-collections", "acquisitions", "outreach", "makerspace", "rare-books", "records", "oral-history",
        "music", "art", "gis", "scholarly-communication", "open-access", "copyright", "assessment", "ux", "accessibility", "teen",
        "school", "museum", "government", "corporate", "knowledge-management", "taxonomy", "ontology", "ils", "ebooks", "licensing",
    ];

    private static readonly string[] Places =
    [
        "remote", "chicago", "kansas", "city", "lawrence", "topeka", "denver", "boston", "london", "toronto",
        "seattle", "austin", "atlanta", "new", "york", "oakland", "portland", "ohio", "texas", "iowa",
    ];

    public static List<JobSubscription> Subscriptions(int count, int seed)
    {
        var random = new Random(seed);
        var list = new List<JobSubscription>(count);
        for (var i = 0; i < count; i++)
        {
            IReadOnlyList<string> tags = Pick(random, Tags, random.Next(0, 4));
            IReadOnlyList<string> places = Pick(random, Places, random.Next(0, 3));
            IReadOnlyList<JobType> types = Pick(random, Enum.GetValues<JobType>(), random.Next(0, 3));
            var delivery = random.Next(2) == 0 ? JobLeadDelivery.Instant : JobLeadDelivery.Daily;
            list.Add(new JobSubscription(Community, $"U{i:D6}", tags, places, types, delivery, "America/Chicago", Start, Start));
        }

        return list;
    }

    public static JobLead Lead() => new(Community, 1, "Metadata Librarian", "KU Libraries", "Kansas City", true, "https://example.org/j/1",
        "example.org/j/1", null, JobType.FullTime, ["metadata", "cataloging", "academic"], null, null, false, false, "U999999", "Ana",
        Start, Start.AddDays(45), JobLeadStatus.Open, null, null);

    /// <summary>The SQLite job store as the host builds it (the store type itself is internal).</summary>
    public static (IJobLeadStore Jobs, SqliteStore Store) Sqlite(string path)
    {
        var provider = new ServiceCollection().AddSqliteStore(o => o.Path = path).BuildServiceProvider();
        return (provider.GetRequiredService<IJobLeadStore>(), provider.GetRequiredService<SqliteStore>());
    }

    private static List<T> Pick<T>(Random random, IReadOnlyList<T> from, int count) =>
        Enumerable.Range(0, count).Select(_ => from[random.Next(from.Count)]).Distinct().ToList();
}
