using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Core.Leases;
using NetworkingBot.Core.Network;
using NetworkingBot.Core.Settings;
using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Storage.Redis;

/// <summary>Registers the Redis store for every store port.</summary>
public static class RedisServiceCollectionExtensions
{
    /// <summary>
    /// Adds one <see cref="RedisConnection"/>, <see cref="IRedisDatabase"/> and <see cref="RedisStore"/> singleton
    /// behind <see cref="IMemberStore"/>, <see cref="ICoffeeScheduleStore"/>, <see cref="IRoundStore"/>, <see cref="IInterviewStore"/>
    /// <see cref="IJobLeadStore"/> and <see cref="INetworkStore"/>, the <see cref="ILeaseStore"/>, and an <see cref="IStoreInitializer"/> that checks the server and records the keyspace's epoch at start (<see cref="KeyspaceEpoch"/>: data lost later fails every call). The connection string is checked by <see cref="RedisStoreOptionsRules"/> at start.
    /// </summary>
    public static IServiceCollection AddRedisStore(this IServiceCollection services, Action<RedisStoreOptions>? configure = null)
    {
        var options = services.AddOptions<RedisStoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateWith(new RedisStoreOptionsRules());

        services.TryAddSingleton(sp => new RedisConnection(
            RedisConnectionOptions.Parse(sp.GetRequiredService<IOptions<RedisStoreOptions>>().Value.ConnectionString),
            sp.GetService<ILogger<RedisConnection>>()));
        services.TryAddSingleton(sp => new KeyspaceEpoch(
            sp.GetRequiredService<RedisConnection>(), sp.GetRequiredService<RedisConnection>().Options.Prefix,
            sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetService<ILogger<KeyspaceEpoch>>()));
        services.TryAddSingleton<IRedisDatabase>(sp => new RedisDatabase(sp.GetRequiredService<RedisConnection>(), epoch: sp.GetRequiredService<KeyspaceEpoch>()));
        services.TryAddSingleton(sp => new RedisStore(sp.GetRequiredService<IRedisDatabase>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<RedisStore>().Members);
        services.TryAddSingleton(sp => sp.GetRequiredService<RedisStore>().Programs);
        services.TryAddSingleton(sp => sp.GetRequiredService<RedisStore>().Rounds);
        services.TryAddSingleton(sp => sp.GetRequiredService<RedisStore>().Interviews);
        services.TryAddSingleton(sp => sp.GetRequiredService<RedisStore>().JobLeads);
        services.TryAddSingleton(sp => sp.GetRequiredService<RedisStore>().Network);
        services.TryAddSingleton<ILeaseStore>(sp => new RedisLeaseStore(sp.GetRequiredService<IRedisDatabase>()));
        services.TryAddSingleton<IDmChannelStore>(sp => new RedisDmChannelStore(sp.GetRequiredService<IRedisDatabase>()));
        services.AddSingleton<IStoreInitializer>(sp => new RedisStoreInitializer(
            sp.GetRequiredService<RedisStore>(), sp.GetRequiredService<KeyspaceEpoch>(), sp.GetRequiredService<RedisConnection>(), sp.GetService<ILogger<RedisStoreInitializer>>() ?? NullLogger<RedisStoreInitializer>.Instance));
        return services;
    }
}
