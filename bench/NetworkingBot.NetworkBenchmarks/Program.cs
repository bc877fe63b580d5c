using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core.Network;
using NetworkingBot.NetworkBenchmarks;
using NetworkingBot.Storage.Sqlite;

// "My network" at scale (issue 14): the nudge sweep's due query, /network list page 1 and /network export of a member
// with 5,000 contacts, against a store holding 100,000 members x 50 contacts (5 million entries, 5 million nudges).
//   dotnet run -c Release --project bench/NetworkingBot.NetworkBenchmarks -- [--members 100000] [--contacts 50]
//       [--heavy 5000] [--runs 30] [--db /path/file.db]   (with --db the file is kept, and reused when it exists)
var population = new Population(
    int.Parse(Argument("--members") ?? "100000", CultureInfo.InvariantCulture),
    int.Parse(Argument("--contacts") ?? "50", CultureInfo.InvariantCulture),
    int.Parse(Argument("--heavy") ?? "5000", CultureInfo.InvariantCulture));
var runs = int.Parse(Argument("--runs") ?? "30", CultureInfo.InvariantCulture);
var keep = Argument("--db") is not null;
var path = Argument("--db") ?? Path.Combine(Path.GetTempPath(), $"nb-network-bench-{Guid.NewGuid():N}.db");
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
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Loaded {loaded:N0} entries and as many nudges in {load.Elapsed.TotalSeconds:0.0} s; file {new FileInfo(path).Length / 1_048_576.0:N0} MiB"));
    }

    var store = services.GetRequiredService<INetworkStore>();
    await SqlitePlans.PrintAsync(path);
    await new NetworkMeasurements(store, new BenchDirectory(), services.GetRequiredService<TimeProvider>(), "SQLite").RunAsync(runs);
    Console.WriteLine(await SweepPass.RunOnceAsync(store, Population.SweepInstant));
    sqlite.ReleaseConnections();
}

if (!keep)
{
    File.Delete(path);
    File.Delete(path + "-wal");
    File.Delete(path + "-shm");
}

string? Argument(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
