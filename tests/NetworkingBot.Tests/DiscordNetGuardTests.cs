using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Tests;

/// <summary>The end-to-end tests' guard against Discord.Net's "Processing READY failed" fails them at once.</summary>
public sealed class DiscordNetGuardTests
{
    [Fact]
    public async Task A_host_that_logged_processing_ready_failed_fails_the_wait_for_its_shard_naming_the_line()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        using var host = PlatformHosts.Discord(rest);
        var shards = DiscordShards.Of(host);
        Assert.False(shards.Ready);

        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("NetworkingBot.Discord.Client.LibraryAdapter")
            .LogWarning("Discord.Net Gateway: Processing READY failed");

        var failure = Assert.ThrowsAny<Exception>(() => shards.Ready);
        Assert.Contains("Processing READY failed", failure.Message, StringComparison.Ordinal);
    }
}
