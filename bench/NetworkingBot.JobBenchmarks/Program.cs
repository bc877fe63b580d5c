using System.Diagnostics;
using System.Globalization;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.JobBenchmarks;

// Subscription matching at scale: N subscribers, one new lead. Measures the pure matcher (what runs per share)
// and, separately, loading the subscriptions from SQLite (the store read in front of it).
var subscribers = args.Length > 1 && args[0] == "--subscribers" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
const int Runs = 200;
var subscriptions = Population.Subscriptions(subscribers, seed: 42);
var lead = Population.Lead();

for (var i = 0; i < 20; i++)
{
    _ = JobLeadMatcher.Matches(lead, subscriptions);
}

var times = new List<double>();
var matched = 0;
var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
for (var i = 0; i < Runs; i++)
{
    var watch = Stopwatch.StartNew();
    matched = JobLeadMatcher.Matches(lead, subscriptions).Count;
    times.Add(watch.Elapsed.TotalMilliseconds);
}

var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / Runs;
times.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"matcher: {subscribers} subscribers, {matched} matches; median {times[Runs / 2]:F2} ms, p99 {times[Runs * 99 / 100]:F2} ms, max {times[^1]:F2} ms, {allocated / 1024.0:F0} KiB allocated per lead"));

var path = Path.Combine(Path.GetTempPath(), $"job-bench-{Guid.NewGuid():N}.db");
try
{
    var (jobs, store) = Population.Sqlite(path);
    await store.InitializeAsync();
    foreach (var subscription in subscriptions)
    {
        await jobs.UpsertSubscriptionAsync(subscription);
    }

    // What a share reads (the instant subscriptions; about half of this population), and the worst case of
    // every subscriber wanting instant DMs (all rows).
    foreach (var (label, delivery) in new (string, JobLeadDelivery?)[] { ("instant subscriptions (what a share reads)", JobLeadDelivery.Instant), ("all subscriptions", null) })
    {
        var loads = new List<double>();
        var rows = 0;
        for (var i = 0; i < 20; i++)
        {
            var watch = Stopwatch.StartNew();
            var loaded = delivery is { } d ? await jobs.ListSubscriptionsAsync(Population.Community, d) : await jobs.ListSubscriptionsAsync(Population.Community);
            matched = JobLeadMatcher.Matches(lead, loaded).Count;
            loads.Add(watch.Elapsed.TotalMilliseconds);
            rows = loaded.Count;
        }

        loads.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sqlite load + match, {label}: {rows} rows, {matched} matches; median {loads[10]:F1} ms, max {loads[^1]:F1} ms (first run included)"));
    }

    store.ReleaseConnections();
}
finally
{
    foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
    {
        File.Delete(file);
    }
}
