using Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkingBot.Discord.Client;

namespace NetworkingBot.Tests;

/// <summary>
/// Whether the host's Discord adapter (on Discord.Net) has its one shard connected and ready.
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
            return services.GetRequiredService<DiscordConnection>().Client.Shards is { Count: 1 } shards && shards.All(s => s.ConnectionState == ConnectionState.Connected);
        }
    }
}
