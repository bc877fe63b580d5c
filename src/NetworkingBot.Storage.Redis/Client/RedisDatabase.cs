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
        await (await Db(cancellationToken)).HashGetAsync(K(key), field).WaitAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyDictionary<string, string>> HashGetAllAsync(string key, CancellationToken cancellationToken = default)
    {
        var entries = await (await Db(cancellationToken)).HashGetAllAsync(K(key)).WaitAsync(cancellationToken).ConfigureAwait(false);
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

        return (long)await (await Db(cancellationToken)).ExecuteAsync("HSET", arguments).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> HashDeleteAsync(string key, string field, CancellationToken cancellationToken = default) =>
        await (await Db(cancellationToken)).HashDeleteAsync(K(key), field).WaitAsync(cancellationToken).ConfigureAwait(false);

    public async Task<bool> SetAddAsync(string key, string member, CancellationToken cancellationToken = default) =>
        await (await Db(cancellationToken)).SetAddAsync(K(key), member).WaitAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<string>> SetMembersAsync(string key, CancellationToken cancellationToken = default) =>
        Strings(await (await Db(cancellationToken)).SetMembersAsync(K(key)).WaitAsync(cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<string>> SortedSetRangeByRankAsync(string key, long start, long stop, bool descending, CancellationToken cancellationToken = default) =>
        Strings(await (await Db(cancellationToken)).SortedSetRangeByRankAsync(K(key), start, stop, descending ? Order.Descending : Order.Ascending)
            .WaitAsync(cancellationToken).ConfigureAwait(false));

    // Raw ZRANGEBYLEX keeps the "[a"/"(a"/"-"/"+" bounds the stores already build, unchanged.
    public async Task<IReadOnlyList<string>> SortedSetRangeByValueAsync(string key, string min, string max, bool descending, CancellationToken cancellationToken = default) =>
        (await Execute(cancellationToken, descending ? "ZREVRANGEBYLEX" : "ZRANGEBYLEX", K(key), descending ? max : min, descending ? min : max).ConfigureAwait(false)).AsStrings();

    public async Task<RedisResult> ScriptEvaluateAsync(LuaScript script, IReadOnlyList<string> keys, IReadOnlyList<string> values, CancellationToken cancellationToken = default)
    {
        // The string overload sends EVALSHA once the library has seen the script and falls back to EVAL on NOSCRIPT.
        var reply = await (await Db(cancellationToken)).ScriptEvaluateAsync(
            script.Text,
            keys.Select(k => (RedisKey)K(k)).ToArray(),
            values.Select(v => (RedisValue)v).ToArray()).WaitAsync(cancellationToken).ConfigureAwait(false);
        return Results.From(reply);
    }

    public async Task<long> KeyDeleteAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) =>
        keys.Count == 0 ? 0 : await (await Db(cancellationToken)).KeyDeleteAsync(keys.Select(k => (RedisKey)K(k)).ToArray()).WaitAsync(cancellationToken).ConfigureAwait(false);

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

    private Task<RedisResult> Execute(CancellationToken cancellationToken, params string[] command)
    {
        epoch?.ThrowIfLost();
        return connection.ExecuteAsync(command, cancellationToken);
    }

    private string K(string key) => KeyPrefix + key;

    private static List<string> Strings(RedisValue[] values) => values.Select(v => (string)v!).ToList();

    private static string EscapeGlob(string text) =>
        string.Concat(text.Select(c => c is '*' or '?' or '[' or ']' or '\\' ? "\\" + c : c.ToString(CultureInfo.InvariantCulture)));
}
