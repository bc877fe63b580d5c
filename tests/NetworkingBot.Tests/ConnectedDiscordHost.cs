using Microsoft.Extensions.Hosting;
using NetworkingBot.Testing;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Tests;

/// <summary>
/// The real host against the loopback Discord fakes, connected: started, identified, and its shard ready, so a test
/// can dispatch at once. Disposal stops the host before the fakes go.
/// </summary>
internal sealed class ConnectedDiscordHost : IAsyncDisposable
{
    private ConnectedDiscordHost(FakeDiscordRest rest, FakeDiscordGateway gateway, IHost host) => (Rest, Gateway, Host) = (rest, gateway, host);

    public FakeDiscordRest Rest { get; }

    public FakeDiscordGateway Gateway { get; }

    public IHost Host { get; }

    /// <summary>Starts the fakes and the host and waits until it is ready.</summary>
    public static async Task<ConnectedDiscordHost> StartAsync(TimeSpan wait)
    {
        var rest = await FakeDiscordRest.StartAsync();
        var gateway = await FakeDiscordGateway.StartAsync(TimeSpan.FromSeconds(1));
        rest.GatewayUrl = gateway.Url.ToString();
        var connected = new ConnectedDiscordHost(rest, gateway, PlatformHosts.Discord(rest));
        try
        {
            await connected.Host.StartAsync();
            await gateway.WaitForOpAsync(2, timeout: wait);
            var shards = DiscordShards.Of(connected.Host);
            await Eventually.TrueAsync(() => shards.Ready, "the shard to be ready", wait);
            return connected;
        }
        catch
        {
            await connected.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        await Gateway.DisposeAsync();
        await Rest.DisposeAsync();
    }
}
