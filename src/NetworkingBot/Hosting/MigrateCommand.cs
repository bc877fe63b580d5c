using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Core.Network;
using NetworkingBot.Storage.Redis;
using NetworkingBot.Storage.Redis.Client;
using NetworkingBot.Storage.Sqlite;

namespace NetworkingBot.Hosting;

/// <summary>
/// <c>migrate --from sqlite --to redis [--db PATH] [--State:Redis:ConnectionString=...]</c>: copies the SQLite
/// file named by State:Sqlite:Path into the Redis named by State:Redis:ConnectionString (same settings sources
/// as the bot: appsettings.json, environment, arguments). Exit codes: 0 copied, 2 usage, 3 could not copy.
/// </summary>
public static class MigrateCommand
{
    public const string Usage = "usage: migrate --from sqlite --to redis [--db PATH] [--State:Redis:ConnectionString=host:port,prefix=...]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var (from, to, db, rest) = Parse(args);
        if (from != "sqlite" || to != "redis")
        {
            await error.WriteLineAsync($"migrate copies from sqlite to redis only. {Usage}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. rest])
            .Build();
        var state = configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        var path = Path.GetFullPath(db ?? state.Sqlite.Path);
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"migrate: no SQLite file at {path} (set --db PATH or State:Sqlite:Path).").ConfigureAwait(false);
            return ExitCodes.BadSetting;
        }

        try
        {
            var redisOptions = RedisConnectionOptions.Parse(state.Redis.ConnectionString);

            // Through the same registration as the bot: it is the one public way to the SQLite job-lead store.
            await using var sqliteServices = new ServiceCollection().AddSqliteStore(o => o.Path = path).BuildServiceProvider();
            var sqlite = sqliteServices.GetRequiredService<SqliteStore>();
            await sqlite.InitializeAsync(cancellationToken).ConfigureAwait(false);
            await using var connection = new RedisConnection(redisOptions);
            var redis = new RedisStore(new RedisDatabase(connection));
            await redis.InitializeAsync(cancellationToken).ConfigureAwait(false);

            var source = await MigrateSource.ReadAsync(path, cancellationToken).ConfigureAwait(false);
            var interviews = new InterviewCopy(sqlite.Interviews, redis.Interviews);
            var jobs = new JobLeadCopy(sqliteServices.GetRequiredService<IJobLeadStore>(), redis.JobLeads);
            var network = new NetworkCopy(sqliteServices.GetRequiredService<INetworkStore>(), redis.Network);

            // Every check before any write, so a refused run leaves the target as it found it.
            if (await interviews.TargetHoldsDataAsync(source, cancellationToken).ConfigureAwait(false)
                || await jobs.TargetHoldsDataAsync(source, cancellationToken).ConfigureAwait(false)
                || await network.TargetHoldsDataAsync(source, cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException(StoreCopy.NotEmpty);
            }

            var coffee = new StoreCopy(sqlite.Members, sqlite.Programs, sqlite.Rounds, redis.Members, redis.Programs, redis.Rounds);
            var counts = await coffee.CopyAsync(source.Communities, cancellationToken).ConfigureAwait(false);
            var interviewCounts = await interviews.CopyAsync(source, cancellationToken).ConfigureAwait(false);
            var jobCounts = await jobs.CopyAsync(source, cancellationToken).ConfigureAwait(false);
            var networkCounts = await network.CopyAsync(source, cancellationToken).ConfigureAwait(false);
            sqlite.ReleaseConnections();
            await output.WriteLineAsync(
                $"Copied {counts.Programs} programs, {counts.Members} members, {counts.Rounds} rounds, {counts.Deliveries} deliveries and {counts.CheckIns} check-ins; "
                + $"{interviewCounts.Offers} interview offers, {interviewCounts.Requests} interview requests and {interviewCounts.NetworkEntries} network entries; "
                + $"{jobCounts.Boards} job boards, {jobCounts.Leads} job leads, {jobCounts.Subscriptions} job subscriptions and {jobCounts.Deliveries} job deliveries; "
                + $"{networkCounts.Contacts} network contacts, {networkCounts.Notes} network notes, {networkCounts.Nudges} network nudges, "
                + $"{networkCounts.Settings} network settings and {networkCounts.Intros} introductions "
                + $"from {path} to Redis at {redisOptions.Endpoint} (prefix \"{redisOptions.Prefix}\"). Now set State:Provider=redis.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or StackExchange.Redis.RedisConnectionException or StackExchange.Redis.RedisTimeoutException or SqliteException or SqliteFileException)
        {
            await error.WriteLineAsync($"migrate: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.BadSetting;
        }
    }

    private static (string? From, string? To, string? Db, List<string> Others) Parse(IReadOnlyList<string> args)
    {
        string? from = null, to = null, db = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--from": from = value?.ToLowerInvariant(); i++; break;
                case "--to": to = value?.ToLowerInvariant(); i++; break;
                case "--db": db = value; i++; break;
                default: rest.Add(args[i]); break;
            }
        }

        return (from, to, db, rest);
    }
}
