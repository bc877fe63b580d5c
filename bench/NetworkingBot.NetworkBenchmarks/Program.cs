using System.Globalization;
using NetworkingBot.NetworkBenchmarks;

// "My network" at scale (issue 14): the nudge sweep's due query, /network list page 1 and /network export of a member
// with 5,000 contacts, against a store holding 100,000 members x 50 contacts (5 million entries, 5 million nudges).
//   dotnet run -c Release --project bench/NetworkingBot.NetworkBenchmarks -- [--members 100000] [--contacts 50]
//       [--heavy 5000] [--runs 30] [--db /path/file.db]   (with --db the file is kept, and reused when it exists)
//       [--redis 127.0.0.1:6379 [--keep]]   (Redis instead of SQLite: loaded through the store under its own prefix,
//                                             reused when the same sizes are there, its keys deleted after unless --keep)
var population = new Population(
    int.Parse(Argument("--members") ?? "100000", CultureInfo.InvariantCulture),
    int.Parse(Argument("--contacts") ?? "50", CultureInfo.InvariantCulture),
    int.Parse(Argument("--heavy") ?? "5000", CultureInfo.InvariantCulture));
var runs = int.Parse(Argument("--runs") ?? "30", CultureInfo.InvariantCulture);
if (Argument("--redis") is { } redis)
{
    await RedisRun.RunAsync(population, runs, redis, args.Contains("--keep"));
}
else
{
    await SqliteRun.RunAsync(population, runs, Argument("--db"));
}

string? Argument(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
