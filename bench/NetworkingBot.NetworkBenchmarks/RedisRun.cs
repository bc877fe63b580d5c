using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Network;
using NetworkingBot.Storage.Redis;
using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.NetworkBenchmarks;

/// <summary>
/// The benchmark on Redis: the population written through the real <c>RedisNetworkStore</c> (its own scripts, so the
/// keys and indexes are exactly what the bot writes), under a prefix of its own, then the same measurements as SQLite.
/// A marker key names the population loaded, so a second run with the same sizes reuses it (`--keep` keeps it after).
/// </summary>
public static class RedisRun
{
    private const string Prefix = "nb-network-bench:";
    private const int InFlight = 256;

    public static async Task RunAsync(Population population, int runs, string address, bool keep)
    {
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FixedTime(Population.SweepInstant))
            .AddRedisStore(o => o.ConnectionString = $"{address},prefix={Prefix},asyncTimeout=60000,allowAdmin=true")
            .AddSingleton<IMemberStore>(sp => sp.GetRequiredService<RedisStore>().Members)
            .BuildServiceProvider();
        await using (services)
        {
            foreach (var initializer in services.GetServices<IStoreInitializer>())
            {
                await initializer.InitializeAsync(CancellationToken.None);
            }

            var db = services.GetRequiredService<IRedisDatabase>();
            var marker = $"loaded:{population.Members}x{population.ContactsEach}+{population.HeavyContacts}";
            var store = services.GetRequiredService<INetworkStore>();
            var members = services.GetRequiredService<IMemberStore>();
            var markerKey = db.KeyPrefix + "bench-population";
            if ((await db.ExecuteAsync("GET", [markerKey], CancellationToken.None)).AsString() == marker)
            {
                Console.WriteLine($"Reusing the population under {Prefix} at {address}");
            }
            else
            {
                await LoadAsync(store, members, population);
                await db.ExecuteAsync("SET", [markerKey, marker], CancellationToken.None);
            }

            var info = (await db.ExecuteAsync("INFO", ["memory"], CancellationToken.None)).AsString() ?? "";
            var used = info.Split('\n').FirstOrDefault(l => l.StartsWith("used_memory_human:", StringComparison.Ordinal))?.Trim();
            Console.WriteLine($"Redis {used}");

            var time = services.GetRequiredService<TimeProvider>();
            await new NetworkMeasurements(store, new BenchDirectory(), time, "Redis").RunAsync(runs);
            await new NetworkMeasurements(store, MemberDirectory.Over(members), time, "Redis, names from the member store").RunExportAsync(runs,
                async ids => (await members.GetManyAsync(Population.Community, ids)).Count);
            Console.WriteLine(await SweepPass.RunOnceAsync(store, Population.SweepInstant));
            if (!keep)
            {
                Console.WriteLine($"Deleted {await DeletePrefixAsync(db):N0} keys under {Prefix} (pass --keep to keep them)");
            }
        }
    }

    /// <summary>Only the benchmark's own keys go: SCAN by its prefix, UNLINK each page, never FLUSHDB on someone's server.</summary>
    private static async Task<long> DeletePrefixAsync(IRedisDatabase db)
    {
        long deleted = 0;
        var cursor = "0";
        do
        {
            var page = (await db.ExecuteAsync("SCAN", [cursor, "MATCH", db.KeyPrefix + "*", "COUNT", "10000"], CancellationToken.None)).AsArray();
            cursor = page[0].AsString() ?? "0";
            var keys = page[1].AsStrings();
            if (keys.Count > 0)
            {
                deleted += (await db.ExecuteAsync("UNLINK", keys, CancellationToken.None)).AsInt64();
            }
        }
        while (cursor != "0");
        return deleted;
    }

    /// <summary>Every entry and its nudge through the store's own calls, many in flight as a busy bot would have them.</summary>
    private static async Task LoadAsync(INetworkStore store, IMemberStore members, Population population)
    {
        var load = Stopwatch.StartNew();
        long count = 0;
        await Parallel.ForEachAsync(population.Contacts().Select((c, i) => (Contact: c, Sequence: (long)i)),
            new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (entry, ct) =>
            {
                var (contact, sequence) = entry;
                await store.RecordMeetingAsync(contact, ct);
                await store.ScheduleNudgeAsync(Population.NudgeFor(contact, sequence), ct);
                if (contact.OwnerId == Population.HeavyOwner)
                {
                    await store.AddNoteAsync(new NetworkNote(contact.CommunityId, contact.OwnerId, contact.OtherId, contact.LastSpoke, Population.NoteText), ct);
                }

                if (Interlocked.Increment(ref count) % 500_000 == 0)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count:N0} entries, {load.Elapsed.TotalSeconds:0} s"));
                }
            });
        await MemberDirectory.LoadHeavyContactsAsync(members, population, 16);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Loaded {count:N0} entries and as many nudges through the store in {load.Elapsed.TotalSeconds:0.0} s"));
    }
}
