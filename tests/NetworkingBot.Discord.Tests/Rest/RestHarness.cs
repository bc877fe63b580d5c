using Microsoft.Extensions.Options;
using NetworkingBot.Discord.Rest;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Discord.Tests.Rest;

/// <summary>A fake Discord server and a real <see cref="DiscordRestClient"/> pointed at it.</summary>
internal sealed class RestHarness : IAsyncDisposable
{
    public const string Token = "test-token";

    private RestHarness(FakeDiscordRest fake, DiscordRestClient client, ListLogger<DiscordRestClient> logger, HttpClient http)
    {
        Fake = fake;
        Client = client;
        Logger = logger;
        Http = http;
    }

    public FakeDiscordRest Fake { get; }

    public DiscordRestClient Client { get; }

    public ListLogger<DiscordRestClient> Logger { get; }

    private HttpClient Http { get; }

    /// <summary>Short back-offs so retries finish in milliseconds; the limits themselves stay Discord's.</summary>
    public static DiscordRestLimits FastLimits { get; } = new()
    {
        TransientBackoff = TimeSpan.FromMilliseconds(10),
        BlockedBackoff = TimeSpan.FromMilliseconds(100),
    };

    public static async Task<RestHarness> StartAsync(DiscordRestLimits? limits = null)
    {
        var fake = await FakeDiscordRest.StartAsync();
        fake.ExpectedToken = Token;
        var options = Options.Create(new DiscordOptions { Token = Token, ApiBaseUrl = fake.ApiBaseUrl });
        var logger = new ListLogger<DiscordRestClient>();
        var http = new HttpClient();
        var client = new DiscordRestClient(http, options, TimeProvider.System, logger, limits ?? FastLimits);
        return new RestHarness(fake, client, logger, http);
    }

    public static DiscordRoute ChannelMessages(string channelId) => new(HttpMethod.Post, "channels/{channel_id}/messages", channelId);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Fake.DisposeAsync();
    }
}
