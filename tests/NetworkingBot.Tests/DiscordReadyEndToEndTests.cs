using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkingBot.Discord;
using NetworkingBot.Testing;
using NetworkingBot.Testing.FakeDiscord;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Tests;

/// <summary>
/// Connecting: to the gateway the settings name (tests, staging), and what the operator reads once connected, the
/// invite link when the bot is in no server, else how many.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DiscordReadyEndToEndTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Ready_logs_the_invite_link_when_the_bot_is_in_no_server_and_the_count_otherwise(int guilds)
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        await using var gateway = await FakeDiscordGateway.StartAsync(TimeSpan.FromSeconds(30));
        rest.GatewayUrl = gateway.Url.ToString();
        if (guilds == 0)
        {
            gateway.GuildIds.Clear();
        }

        // "Discord ready" is an Information line; operators see Warning and above by default.
        using var host = PlatformHosts.Discord(rest, "--Logging:LogLevel:NetworkingBot=Information");
        using var logs = new RecordingLoggerProvider();
        host.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        await host.StartAsync();
        try
        {
            var invite = DiscordInvite.For(rest.ApplicationId).ToString();
            await Eventually.TrueAsync(() => logs.Entries.Any(e => e.Message.Contains(invite, StringComparison.Ordinal) || e.Message.StartsWith("Discord ready", StringComparison.Ordinal)), "the ready line", Wait);

            if (guilds == 0)
            {
                var line = Assert.Single(logs.Entries, e => e.Message.Contains(invite, StringComparison.Ordinal));
                Assert.Equal(LogLevel.Warning, line.Level);
                Assert.Contains("permissions=84992", invite, StringComparison.Ordinal);
            }
            else
            {
                Assert.Single(logs.Entries, e => e.Message == "Discord ready: the bot is in 1 server(s)");
                Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(invite, StringComparison.Ordinal));
            }
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Discord_GatewayUrl_is_connected_to_instead_of_the_gateway_Discord_names()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        await using var gateway = await FakeDiscordGateway.StartAsync(TimeSpan.FromSeconds(30));
        rest.GatewayUrl = "wss://gateway.invalid/";
        using var host = PlatformHosts.Discord(rest, $"--Discord:GatewayUrl={gateway.Url}");
        await host.StartAsync();
        try
        {
            var identify = await gateway.WaitForOpAsync(FakeDiscordGatewayOps.Identify, timeout: Wait);

            Assert.Equal("/", identify.Path);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
