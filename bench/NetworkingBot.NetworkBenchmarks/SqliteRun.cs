using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Network;
using NetworkingBot.Storage.Sqlite;

namespace NetworkingBot.NetworkBenchmarks;

/// <summary>
/// The benchmark on SQLite: a file the store's migrations made, bulk-loaded once (or reused when it exists), then the
/// measurements through the real <c>SqliteNetworkStore</c> that <c>AddSqliteStore</c> registers, as the host does.
/// </summary>
public static class SqliteRun
{
    public static async Task RunAsync(Population population, int runs, string? keptPath)
    {
        var path = keptPath ?? Path.Combine(Path.GetTempPath(), $"nb-network-bench-{Guid.NewGuid():N}.db");
        var reuse = File.Exists(path);
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FixedTime(Population.SweepInstant))
            .AddSqliteStore(o => o.Path = path)
            .BuildServiceProvider();
        await using (services)
        {
            var sqlite = services.GetRequiredService<SqliteStore>();
            await sqlite.InitializeAsync(); // the store's own migrations make the schema and indexes
            if (reuse)
            {
                Console.WriteLine($"Reusing {path}");
            }
            else
            {
                var load = Stopwatch.StartNew();
                var loaded = await SqliteBulkLoad.LoadAsync(path, population,
                    n => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {n:N0} entries, {load.Elapsed.TotalSeconds:0} s")));
                await MemberDirectory.LoadHeavyContactsAsync(services.GetRequiredService<IMemberStore>(), population, 1);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Loaded {loaded:N0} entries and as many nudges in {load.Elapsed.TotalSeconds:0.0} s; file {new FileInfo(path).Length / 1_048_576.0:N0} MiB"));
            }

            var store = services.GetRequiredService<INetworkStore>();
            await SqlitePlans.PrintAsync(path);
            var time = services.GetRequiredService<TimeProvider>();
            await new NetworkMeasurements(store, new BenchDirectory(), time, "SQLite").RunAsync(runs);
            await new NetworkMeasurements(store, MemberDirectory.Over(services.GetRequiredService<IMemberStore>()), time, "SQLite, names from the member store").RunExportAsync(runs,
                async ids => (await services.GetRequiredService<IMemberStore>().GetManyAsync(Population.Community, ids)).Count);
            Console.WriteLine(await SweepPass.RunOnceAsync(store, Population.SweepInstant));
            sqlite.ReleaseConnections();
        }

        if (keptPath is null)
        {
            File.Delete(path);
            File.Delete(path + "-wal");
            File.Delete(path + "-shm");
        }
    }
}
