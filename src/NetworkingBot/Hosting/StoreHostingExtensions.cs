using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkingBot.Core.Leases;
using NetworkingBot.Hosting.Settings;
using NetworkingBot.Shell;
using NetworkingBot.Storage.Redis;
using NetworkingBot.Storage.Redis.Client;
using NetworkingBot.Storage.Sqlite;

namespace NetworkingBot.Hosting;

/// <summary>The store the "State" settings name: SQLite (the default) or Redis.</summary>
public static class StoreHostingExtensions
{
    public static HostApplicationBuilder AddStore(this HostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // SettingsCheck has checked the provider and its path or connection string.
        var state = builder.Configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        services.Configure<LeaseOptions>(o => o.InstanceId = state.InstanceId.Length > 0 ? state.InstanceId : null);
        if (StoreOptions.IsRedis(state))
        {
            services.AddRedisStore(o => o.ConnectionString = state.Redis.ConnectionString);
            services.AddSingleton(StoreSetting.Redis);
            services.AddSingleton<IShellClockStore>(sp => new RedisShellClockStore(sp.GetRequiredService<IRedisDatabase>()));
            return builder;
        }

        services.AddSqliteStore(o => o.Path = state.Sqlite.Path);
        services.AddSingleton(StoreSetting.Sqlite);
        services.AddSingleton<IShellClockStore>(sp => new SqliteShellClockStore(sp.GetRequiredService<SqliteStore>()));
        return builder;
    }
}
