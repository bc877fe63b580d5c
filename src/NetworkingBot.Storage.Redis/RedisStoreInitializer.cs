using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Storage.Redis.Client;
using StackExchange.Redis;

namespace NetworkingBot.Storage.Redis;

/// <summary>
/// Checks the server at start, so a wrong address or password shows before the first command, and records the
/// keyspace's epoch (refusing a keyspace an instance found emptied under it) before anything is written.
/// </summary>
internal sealed class RedisStoreInitializer(RedisStore store, KeyspaceEpoch epoch, RedisConnection connection, ILogger<RedisStoreInitializer> logger) : IStoreInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await epoch.EstablishAsync(cancellationToken).ConfigureAwait(false);
            var version = await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Using Redis {Version} at {Endpoint} with key prefix {Prefix}", version, connection.Options.Endpoint, connection.Options.Prefix);
            if (connection.Options.IgnoredSettings.Count > 0)
            {
                logger.LogWarning(
                    "State:Redis:ConnectionString sets {Settings}, which StackExchange.Redis has no use for: a command waits for a lost connection up to asyncTimeout (or commandTimeout); remove it",
                    string.Join(", ", connection.Options.IgnoredSettings));
            }
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
            // "State:" leads the message so the host prints it as a setting problem, without a stack trace.
            throw new InvalidOperationException($"State: {ex.Message} (check State:Redis:ConnectionString).", ex);
        }
    }
}
