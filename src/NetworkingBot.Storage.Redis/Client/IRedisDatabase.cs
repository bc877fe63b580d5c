namespace NetworkingBot.Storage.Redis.Client;

/// <summary>
/// The subset of Redis the store uses, named and shaped after StackExchange.Redis's <c>IDatabase</c> so that
/// library could stand behind it later without touching the store. Keys are given without the deployment
/// prefix; the implementation adds it. Values are UTF-8 text.
/// </summary>
public interface IRedisDatabase
{
    /// <summary>The prefix added to every key, e.g. "nb:".</summary>
    string KeyPrefix { get; }

    Task<string?> HashGetAsync(string key, string field, CancellationToken cancellationToken = default);

    /// <summary>Every field and value of a hash; empty when the key does not exist.</summary>
    Task<IReadOnlyDictionary<string, string>> HashGetAllAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Sets fields; returns how many were new.</summary>
    Task<long> HashSetAsync(string key, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken = default);

    /// <summary>Removes a field; true when it existed.</summary>
    Task<bool> HashDeleteAsync(string key, string field, CancellationToken cancellationToken = default);

    /// <summary>Adds a member; true when it was not there before.</summary>
    Task<bool> SetAddAsync(string key, string member, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> SetMembersAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Members by rank, highest score first when <paramref name="descending"/>; stop -1 is the last.</summary>
    Task<IReadOnlyList<string>> SortedSetRangeByRankAsync(string key, long start, long stop, bool descending, CancellationToken cancellationToken = default);

    /// <summary>
    /// Members between two lexical bounds ("[a" inclusive, "(a" exclusive, "-" and "+" the ends), in lexical order
    /// or its reverse; meant for sets whose members all have one score.
    /// </summary>
    Task<IReadOnlyList<string>> SortedSetRangeByValueAsync(string key, string min, string max, bool descending, CancellationToken cancellationToken = default);

    /// <summary>Runs a script by SHA1, loading it with EVAL when the server answers NOSCRIPT.</summary>
    Task<RedisResult> ScriptEvaluateAsync(LuaScript script, IReadOnlyList<string> keys, IReadOnlyList<string> values, CancellationToken cancellationToken = default);

    /// <summary>Deletes keys; returns how many existed.</summary>
    Task<long> KeyDeleteAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default);

    /// <summary>Keys matching a glob (without the prefix), found by SCAN so the server never blocks on a large keyspace.</summary>
    IAsyncEnumerable<string> ScanKeysAsync(string pattern, CancellationToken cancellationToken = default);

    /// <summary>The server's version, as the library learnt it when connecting (INFO needs admin mode there).</summary>
    Task<Version> ServerVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>Round-trip time of a PING.</summary>
    Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default);

    /// <summary>Any other command, keys already prefixed by the caller.</summary>
    Task<RedisResult> ExecuteAsync(string command, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default);
}
