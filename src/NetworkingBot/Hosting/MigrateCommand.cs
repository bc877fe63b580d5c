using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
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
            return 2;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. rest])
            .Build();
        var state = configuration.GetSection(StateOptions.Section).Get<StateOptions>() ?? new StateOptions();
        var path = Path.GetFullPath(db ?? state.Sqlite.Path);
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"migrate: no SQLite file at {path} (set --db PATH or State:Sqlite:Path).").ConfigureAwait(false);
            return 3;
        }

        try
        {
            var redisOptions = RedisConnectionOptions.Parse(state.Redis.ConnectionString);
            var sqlite = new SqliteStore(new SqliteOptions { Path = path });
            await sqlite.InitializeAsync(cancellationToken).ConfigureAwait(false);
            await using var connection = new RedisConnection(redisOptions);
            var redis = new RedisStore(new RedisDatabase(connection));
            await redis.InitializeAsync(cancellationToken).ConfigureAwait(false);

            var copy = new StoreCopy(sqlite.Members, sqlite.Programs, sqlite.Rounds, redis.Members, redis.Programs, redis.Rounds);
            var counts = await copy.CopyAsync(await CommunitiesAsync(path, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            sqlite.ReleaseConnections();
            await output.WriteLineAsync(
                $"Copied {counts.Programs} programs, {counts.Members} members, {counts.Rounds} rounds, {counts.Deliveries} deliveries and {counts.CheckIns} check-ins "
                + $"from {path} to Redis at {redisOptions.Endpoint} (prefix \"{redisOptions.Prefix}\"). Now set State:Provider=redis.").ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or RedisConnectionException or SqliteException)
        {
            await error.WriteLineAsync($"migrate: {ex.Message}").ConfigureAwait(false);
            return 3;
        }
    }

    /// <summary>
    /// Every community the file mentions. The store ports list members and rounds per community but cannot list
    /// communities, so this one query reads the SQLite schema directly.
    /// </summary>
    private static async Task<IReadOnlyCollection<string>> CommunitiesAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT community_id FROM programs UNION SELECT community_id FROM members UNION SELECT community_id FROM rounds ORDER BY 1;";
        var communities = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            communities.Add(reader.GetString(0));
        }

        return communities;
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
