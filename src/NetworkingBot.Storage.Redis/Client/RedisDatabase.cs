using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace NetworkingBot.Storage.Redis.Client;

/// <summary>The RESP implementation of <see cref="IRedisDatabase"/> over one <see cref="RedisConnection"/>.</summary>
public sealed class RedisDatabase(RedisConnection connection, string? keyPrefix = null) : IRedisDatabase
{
    public string KeyPrefix { get; } = keyPrefix ?? connection.Options.Prefix;

    public async Task<string?> HashGetAsync(string key, string field, CancellationToken cancellationToken = default) =>
        (await Run(cancellationToken, "HGET", K(key), field).ConfigureAwait(false)).AsString();

    public async Task<IReadOnlyDictionary<string, string>> HashGetAllAsync(string key, CancellationToken cancellationToken = default)
    {
        var flat = (await Run(cancellationToken, "HGETALL", K(key)).ConfigureAwait(false)).AsStrings();
        var map = new Dictionary<string, string>(flat.Count / 2, StringComparer.Ordinal);
        for (var i = 0; i + 1 < flat.Count; i += 2)
        {
            map[flat[i]] = flat[i + 1];
        }

        return map;
    }

    public async Task<long> HashSetAsync(string key, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken = default)
    {
        var command = new List<string>(2 + (fields.Count * 2)) { "HSET", K(key) };
        foreach (var (field, value) in fields)
        {
            command.Add(field);
            command.Add(value);
        }

        return (await connection.ExecuteAsync(command, cancellationToken).ConfigureAwait(false)).AsInt64();
    }

    public async Task<bool> HashDeleteAsync(string key, string field, CancellationToken cancellationToken = default) =>
        (await Run(cancellationToken, "HDEL", K(key), field).ConfigureAwait(false)).AsInt64() > 0;

    public async Task<bool> SetAddAsync(string key, string member, CancellationToken cancellationToken = default) =>
        (await Run(cancellationToken, "SADD", K(key), member).ConfigureAwait(false)).AsInt64() > 0;

    public async Task<IReadOnlyList<string>> SetMembersAsync(string key, CancellationToken cancellationToken = default) =>
        (await Run(cancellationToken, "SMEMBERS", K(key)).ConfigureAwait(false)).AsStrings();

    public async Task<IReadOnlyList<string>> SortedSetRangeByRankAsync(string key, long start, long stop, bool descending, CancellationToken cancellationToken = default) =>
        (await Run(cancellationToken, descending ? "ZREVRANGE" : "ZRANGE", K(key), Num(start), Num(stop)).ConfigureAwait(false)).AsStrings();

    public async Task<IReadOnlyList<string>> SortedSetRangeByValueAsync(string key, string min, string max, bool descending, CancellationToken cancellationToken = default) =>
        (await (descending ? Run(cancellationToken, "ZREVRANGEBYLEX", K(key), max, min) : Run(cancellationToken, "ZRANGEBYLEX", K(key), min, max)).ConfigureAwait(false)).AsStrings();

    public async Task<RedisResult> ScriptEvaluateAsync(LuaScript script, IReadOnlyList<string> keys, IReadOnlyList<string> values, CancellationToken cancellationToken = default)
    {
        var tail = new List<string>(1 + keys.Count + values.Count) { Num(keys.Count) };
        tail.AddRange(keys.Select(K));
        tail.AddRange(values);
        try
        {
            return await connection.ExecuteAsync(["EVALSHA", script.Sha1, .. tail], cancellationToken).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (ex.Code == "NOSCRIPT")
        {
            // First use on this server (or after a restart or SCRIPT FLUSH): EVAL also caches it for next time.
            return await connection.ExecuteAsync(["EVAL", script.Text, .. tail], cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<long> KeyDeleteAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) =>
        keys.Count == 0 ? 0 : (await connection.ExecuteAsync(["DEL", .. keys.Select(K)], cancellationToken).ConfigureAwait(false)).AsInt64();

    public async IAsyncEnumerable<string> ScanKeysAsync(string pattern, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var cursor = "0";
        do
        {
            var page = (await Run(cancellationToken, "SCAN", cursor, "MATCH", EscapeGlob(KeyPrefix) + pattern, "COUNT", "500").ConfigureAwait(false)).AsArray();
            cursor = page[0].AsString() ?? "0";
            foreach (var key in page[1].AsStrings())
            {
                yield return key[KeyPrefix.Length..];
            }
        }
        while (cursor != "0");
    }

    public async Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        await Run(cancellationToken, "PING").ConfigureAwait(false);
        return watch.Elapsed;
    }

    public Task<RedisResult> ExecuteAsync(string command, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default) =>
        connection.ExecuteAsync([command, .. arguments], cancellationToken);

    private Task<RedisResult> Run(CancellationToken cancellationToken, params string[] command) => connection.ExecuteAsync(command, cancellationToken);

    private string K(string key) => KeyPrefix + key;

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string EscapeGlob(string text) =>
        string.Concat(text.Select(c => c is '*' or '?' or '[' or ']' or '\\' ? "\\" + c : c.ToString()));
}
