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

namespace NetworkingBot.Storage.Sqlite;

/// <summary>Registers the SQLite store for every store port.</summary>
public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Adds one <see cref="SqliteStore"/> singleton behind <see cref="IMemberStore"/>, <see cref="ICoffeeScheduleStore"/>,
    /// <see cref="IRoundStore"/> and <see cref="IInterviewStore"/>, the job-lead, lease and network stores on the same file, and an <see cref="IStoreInitializer"/> the host runs at start, so a schema
    /// problem shows before the first command rather than in it.
    /// </summary>
    public static IServiceCollection AddSqliteStore(this IServiceCollection services, Action<SqliteOptions>? configure = null)
    {
        var options = services.AddOptions<SqliteOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateWith(new SqliteOptionsRules());

        services.TryAddSingleton(sp => new SqliteStore(sp.GetRequiredService<IOptions<SqliteOptions>>().Value));

        // Every port goes through the file's health guard: a damaged file is reported once and then left alone.
        services.TryAddSingleton(sp => new SqliteFileHealth(
            sp.GetRequiredService<SqliteStore>().DatabasePath,
            sp.GetService<ILogger<SqliteFileHealth>>() ?? NullLogger<SqliteFileHealth>.Instance));
        services.TryAddSingleton(sp => Guarded(sp, sp.GetRequiredService<SqliteStore>().Members));
        services.TryAddSingleton(sp => Guarded(sp, sp.GetRequiredService<SqliteStore>().Programs));
        services.TryAddSingleton(sp => Guarded(sp, sp.GetRequiredService<SqliteStore>().Rounds));
        services.TryAddSingleton(sp => Guarded<IJobLeadStore>(sp, new SqliteJobLeadStore(sp.GetRequiredService<SqliteStore>())));
        services.TryAddSingleton(sp => Guarded(sp, sp.GetRequiredService<SqliteStore>().Interviews));
        services.TryAddSingleton(sp => Guarded<ILeaseStore>(sp, new SqliteLeaseStore(sp.GetRequiredService<SqliteStore>(), sp.GetService<TimeProvider>() ?? TimeProvider.System)));
        services.TryAddSingleton(sp => Guarded<INetworkStore>(sp, new SqliteNetworkStore(sp.GetRequiredService<SqliteStore>())));
        services.TryAddSingleton(sp => Guarded<IDmChannelStore>(sp, new SqliteDmChannelStore(sp.GetRequiredService<SqliteStore>())));
        services.AddSingleton<IStoreInitializer>(sp => new SqliteStoreInitializer(sp.GetRequiredService<SqliteStore>()));
        return services;
    }

    private static T Guarded<T>(IServiceProvider services, T store)
        where T : class => SqliteGuard.Wrap(store, services.GetRequiredService<SqliteFileHealth>());
}
