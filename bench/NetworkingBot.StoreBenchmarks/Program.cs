using System.Globalization;
using NetworkingBot.Storage.Redis;
using NetworkingBot.Storage.Redis.Client;
using NetworkingBot.Storage.Sqlite;
using NetworkingBot.StoreBenchmarks;

// Store throughput for a mixed join/status/pair workload, SQLite vs Redis, at several concurrencies.
//   dotnet run -c Release --project bench/NetworkingBot.StoreBenchmarks -- [--redis 127.0.0.1:6379] [--seconds 5] [--members 1000]
var redisAddress = Argument("--redis") ?? Environment.GetEnvironmentVariable("NETWORKINGBOT_REDIS") ?? "127.0.0.1:6379";
var seconds = int.Parse(Argument("--seconds") ?? "5", CultureInfo.InvariantCulture);
var memberCount = int.Parse(Argument("--members") ?? "1000", CultureInfo.InvariantCulture);
int[] concurrencies = [1, 16];

var directory = Path.Combine(Path.GetTempPath(), "nb-store-bench-" + Guid.NewGuid().ToString("N"));
var sqlite = new SqliteStore(new SqliteOptions { Path = Path.Combine(directory, "bench.db") });
await sqlite.InitializeAsync();
var prefix = $"nbbench:{Guid.NewGuid():N}:";
await using var connection = new RedisConnection(RedisConnectionOptions.Parse($"{redisAddress},prefix={prefix}"));
var redisDb = new RedisDatabase(connection);
var redis = new RedisStore(redisDb);
await redis.InitializeAsync();

Console.WriteLine($"{memberCount} members, {seconds} s per run, Redis at {redisAddress}");
Console.WriteLine("| store | callers | commands/s | store calls/s | p50 ms | p99 ms |");
Console.WriteLine("|---|--:|--:|--:|--:|--:|");
foreach (var (name, workload) in new[]
{
    ("SQLite", new MixedWorkload(sqlite.Members, sqlite.Programs, sqlite.Rounds, "bench", memberCount)),
    ("Redis", new MixedWorkload(redis.Members, redis.Programs, redis.Rounds, "bench", memberCount)),
})
{
    await workload.SeedAsync();
    await workload.RunAsync(4, TimeSpan.FromSeconds(1), seed: 7); // warm-up: JIT, pools, script cache
    foreach (var concurrency in concurrencies)
    {
        var r = await workload.RunAsync(concurrency, TimeSpan.FromSeconds(seconds), seed: 42);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {r.Concurrency} | {r.CommandsPerSecond:N0} | {r.StoreCallsPerSecond:N0} | {r.P50Ms:0.00} | {r.P99Ms:0.00} |"));
    }
}

// Leave nothing behind: the temporary file and the benchmark's keys.
sqlite.ReleaseConnections();
Directory.Delete(directory, recursive: true);
var keys = new List<string>();
await foreach (var key in redisDb.ScanKeysAsync("*"))
{
    keys.Add(key);
}

foreach (var chunk in keys.Chunk(500))
{
    await redisDb.KeyDeleteAsync(chunk);
}

string? Argument(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
