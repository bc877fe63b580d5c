using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Storage.Redis.Tests;

/// <summary>
/// An <see cref="IRedisDatabase"/> that hands every call to another; tests derive from it and change how scripts are
/// sent (twice, or after a step of their own), so each wrapper states only what it changes.
/// </summary>
internal abstract class DelegatingRedisDatabase(IRedisDatabase inner) : IRedisDatabase
{
    protected IRedisDatabase Inner => inner;

    public string KeyPrefix => inner.KeyPrefix;

    public virtual Task<RedisResult> ScriptEvaluateAsync(LuaScript script, IReadOnlyList<string> keys, IReadOnlyList<string> values, CancellationToken cancellationToken = default) =>
        inner.ScriptEvaluateAsync(script, keys, values, cancellationToken);

    public Task<string?> HashGetAsync(string key, string field, CancellationToken cancellationToken = default) => inner.HashGetAsync(key, field, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> HashGetAllAsync(string key, CancellationToken cancellationToken = default) => inner.HashGetAllAsync(key, cancellationToken);

    public Task<long> HashSetAsync(string key, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken = default) => inner.HashSetAsync(key, fields, cancellationToken);

    public Task<bool> HashDeleteAsync(string key, string field, CancellationToken cancellationToken = default) => inner.HashDeleteAsync(key, field, cancellationToken);

    public Task<bool> SetAddAsync(string key, string member, CancellationToken cancellationToken = default) => inner.SetAddAsync(key, member, cancellationToken);

    public Task<IReadOnlyList<string>> SetMembersAsync(string key, CancellationToken cancellationToken = default) => inner.SetMembersAsync(key, cancellationToken);

    public Task<IReadOnlyList<string>> SortedSetRangeByRankAsync(string key, long start, long stop, bool descending, CancellationToken cancellationToken = default) =>
        inner.SortedSetRangeByRankAsync(key, start, stop, descending, cancellationToken);

    public Task<IReadOnlyList<string>> SortedSetRangeByValueAsync(string key, string min, string max, bool descending, CancellationToken cancellationToken = default) =>
        inner.SortedSetRangeByValueAsync(key, min, max, descending, cancellationToken);

    public Task<long> KeyDeleteAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) => inner.KeyDeleteAsync(keys, cancellationToken);

    public IAsyncEnumerable<string> ScanKeysAsync(string pattern, CancellationToken cancellationToken = default) => inner.ScanKeysAsync(pattern, cancellationToken);

    public Task<Version> ServerVersionAsync(CancellationToken cancellationToken = default) => inner.ServerVersionAsync(cancellationToken);

    public Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);

    public Task<RedisResult> ExecuteAsync(string command, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default) => inner.ExecuteAsync(command, arguments, cancellationToken);
}
