using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using StackExchange.Redis;

namespace NetworkingBot.Storage.Redis.Client;

/// <summary>
/// <see cref="IRedisDatabase"/> over StackExchange.Redis's <see cref="IDatabase"/> on the shared multiplexer of
/// <paramref name="connection"/>. What stays ours: the key prefix, and the store's reply shape. The library does
/// the rest (pipelining every caller over one connection, reconnecting, EVALSHA with NOSCRIPT fallback, TLS).
/// With an <paramref name="epoch"/>, every call but the server's version fails once the keyspace lost its data.
/// </summary>
public sealed class RedisDatabase(RedisConnection connection, string? keyPrefix = null, KeyspaceEpoch? epoch = null) : IRedisDatabase
{
    public string KeyPrefix { get; } = keyPrefix ?? connection.Options.Prefix;

    public async Task<string?> HashGetAsync(string key, string field, CancellationToken cancellationToken = default) =>
        await Call(db => db.HashGetAsync(K(key), field), cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyDictionary<string, string>> HashGetAllAsync(string key, CancellationToken cancellationToken = default)
    {
        var entries = await Call(db => db.HashGetAllAsync(K(key)), cancellationToken).ConfigureAwait(false);
        var map = new Dictionary<string, string>(entries.Length, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            map[entry.Name!] = entry.Value!;
        }

        return map;
    }

    public async Task<long> HashSetAsync(string key, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken = default)
    {
        // HSET with several fields answers how many were new; the library's HashSetAsync(HashEntry[]) answers nothing.
        var arguments = new List<object>(1 + (fields.Count * 2)) { K(key) };
        foreach (var (field, value) in fields)
        {
            arguments.Add(field);
            arguments.Add(value);
        }

        return (long)await Call(db => db.ExecuteAsync("HSET", arguments), cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> HashDeleteAsync(string key, string field, CancellationToken cancellationToken = default) =>
        await Call(db => db.HashDeleteAsync(K(key), field), cancellationToken).ConfigureAwait(false);

    public async Task<bool> SetAddAsync(string key, string member, CancellationToken cancellationToken = default) =>
        await Call(db => db.SetAddAsync(K(key), member), cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<string>> SetMembersAsync(string key, CancellationToken cancellationToken = default) =>
        Strings(await Call(db => db.SetMembersAsync(K(key)), cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<string>> SortedSetRangeByRankAsync(string key, long start, long stop, bool descending, CancellationToken cancellationToken = default) =>
        Strings(await Call(db => db.SortedSetRangeByRankAsync(K(key), start, stop, descending ? Order.Descending : Order.Ascending), cancellationToken).ConfigureAwait(false));

    // Raw ZRANGEBYLEX keeps the "[a"/"(a"/"-"/"+" bounds the stores already build, unchanged.
    public async Task<IReadOnlyList<string>> SortedSetRangeByValueAsync(string key, string min, string max, bool descending, CancellationToken cancellationToken = default) =>
        (await Execute(cancellationToken, descending ? "ZREVRANGEBYLEX" : "ZRANGEBYLEX", K(key), descending ? max : min, descending ? min : max).ConfigureAwait(false)).AsStrings();

    public async Task<RedisResult> ScriptEvaluateAsync(LuaScript script, IReadOnlyList<string> keys, IReadOnlyList<string> values, CancellationToken cancellationToken = default)
    {
        // The string overload sends EVALSHA once the library has seen the script and falls back to EVAL on NOSCRIPT.
        var reply = await Call(db => db.ScriptEvaluateAsync(
            script.Text,
            keys.Select(k => (RedisKey)K(k)).ToArray(),
            values.Select(v => (RedisValue)v).ToArray()), cancellationToken).ConfigureAwait(false);
        return Results.From(reply);
    }

    public async Task<long> KeyDeleteAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) =>
        keys.Count == 0 ? 0 : await Call(db => db.KeyDeleteAsync(keys.Select(k => (RedisKey)K(k)).ToArray()), cancellationToken).ConfigureAwait(false);

    public async IAsyncEnumerable<string> ScanKeysAsync(string pattern, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var cursor = "0";
        do
        {
            var page = (await Execute(cancellationToken, "SCAN", cursor, "MATCH", EscapeGlob(KeyPrefix) + pattern, "COUNT", "500").ConfigureAwait(false)).AsArray();
            cursor = page[0].AsString() ?? "0";
            foreach (var key in page[1].AsStrings())
            {
                yield return key[KeyPrefix.Length..];
            }
        }
        while (cursor != "0");
    }

    public async Task<Version> ServerVersionAsync(CancellationToken cancellationToken = default) =>
        (await connection.GetMultiplexerAsync(cancellationToken).ConfigureAwait(false)).GetServers()[0].Version;

    public async Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default)
    {
        var db = await Db(cancellationToken);
        var watch = Stopwatch.StartNew();
        await db.PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return watch.Elapsed;
    }

    public Task<RedisResult> ExecuteAsync(string command, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default) =>
        Execute(cancellationToken, [command, .. arguments]);

    // Both ways to the server ask the epoch first, so no read or write reaches a keyspace that lost its data.
    private ConfiguredValueTaskAwaitable<IDatabase> Db(CancellationToken cancellationToken)
    {
        epoch?.ThrowIfLost();
        return connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<RedisResult> Execute(CancellationToken cancellationToken, params string[] command)
    {
        epoch?.ThrowIfLost();
        try
        {
            return await connection.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (RedisConnectionException ex) when (Unnamed(ex))
        {
            throw Named(ex);
        }
    }

    private async Task<T> Call<T>(Func<IDatabase, Task<T>> call, CancellationToken cancellationToken)
    {
        var db = await Db(cancellationToken);
        try
        {
            return await call(db).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RedisConnectionException ex) when (Unnamed(ex))
        {
            throw Named(ex);
        }
    }

    // The library names the server in most failures but not all ("InternalFailure on HGET ..." while it reconnects):
    // an operator reading the log must always learn which Redis is down.
    private bool Unnamed(RedisConnectionException ex) => !ex.Message.Contains(connection.Options.Endpoint, StringComparison.Ordinal);

    private RedisConnectionException Named(RedisConnectionException ex) =>
        new(ex.FailureType, CommandFlags.None, $"Redis at {connection.Options.Endpoint}: {ex.Message}", ex, ex.CommandStatus);

    private string K(string key) => KeyPrefix + key;

    private static List<string> Strings(RedisValue[] values) => values.Select(v => (string)v!).ToList();

    private static string EscapeGlob(string text) =>
        string.Concat(text.Select(c => c is '*' or '?' or '[' or ']' or '\\' ? "\\" + c : c.ToString(CultureInfo.InvariantCulture)));
}
