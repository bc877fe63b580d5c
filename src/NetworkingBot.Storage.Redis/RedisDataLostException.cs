namespace NetworkingBot.Storage.Redis;

/// <summary>
/// The Redis keyspace this store wrote lost its data (a restart without persistence, a FLUSHALL): every call fails
/// with this from then on, so nothing is recreated silently. An <see cref="InvalidOperationException"/>, so the
/// host's start-up reports it as a problem of the Redis setting, in one line.
/// </summary>
public sealed class RedisDataLostException(string message) : InvalidOperationException(message);
