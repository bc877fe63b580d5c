namespace NetworkingBot.Storage.Redis;

/// <summary>Where the Redis store connects (see <see cref="Client.RedisConnectionOptions"/> for the string's settings).</summary>
public sealed class RedisStoreOptions
{
    /// <summary>e.g. "localhost:6379,prefix=nb:" or "redis.example.org:6380,user=bot,password=...,ssl=true".</summary>
    public string ConnectionString { get; set; } = "";
}
