using Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkingBot.Discord.Client;
using NetworkingBot.Discord.Gateway;

namespace NetworkingBot.Tests;

/// <summary>
/// Whether the host's Discord adapter has its one shard ready, whichever client it runs: the project's own gateway
/// client, or Discord.Net's (issue 15: the switch is one registration, and these tests need not change with it).
/// </summary>
internal sealed class DiscordShards(IServiceProvider services)
{
    public static DiscordShards Of(IHost host) => new(host.Services);

    /// <summary>Fails at once, rather than after a test's timeout, when Discord.Net logged that it could not process READY.</summary>
    public bool Ready
    {
        get
        {
            DiscordNetGuard.AssertReadyProcessed(services);
            return services.GetService<GatewayClient>() is { } own
                ? own.Shards is [{ Status: GatewayShardStatus.Ready }]
                : services.GetRequiredService<DiscordConnection>().Client.Shards is { Count: 1 } shards && shards.All(s => s.ConnectionState == ConnectionState.Connected);
        }
    }
}
