using NetworkingBot.Core.Abstractions;
using NetworkingBot.Storage.Redis.Client;
using NetworkingBot.Testing.SeveralInstances;

namespace NetworkingBot.Storage.Redis.Tests;

/// <summary>
/// The job sweep and interview steps fire once with two instances on one Redis (issue 7); skipped with the reason
/// without a server outside CI, like <see cref="RedisStoreContractTests"/>.
/// </summary>
[NeedsRedis]
public sealed class RedisScheduledWorkOnceTests() : ScheduledWorkOnceTests(new SharedPrefix())
{
    /// <summary>One fresh key prefix on the test server, its keys deleted once both instances are gone.</summary>
    private sealed class SharedPrefix : ISharedStore
    {
        // Read here, not per instance, so a missing server fails the test at once (in CI) with the reason.
        private readonly RedisConnectionOptions _options = RedisServer.Options();

        public ICoreInstance StartInstance(IMessenger messenger, TimeProvider clock) =>
            new CoreInstance($"{RedisServer.Address},prefix={_options.Prefix}", messenger, clock);

        public async ValueTask DisposeAsync()
        {
            await using var connection = new RedisConnection(_options);
            await FreshStores.DeleteKeysAsync(connection);
        }
    }
}
