using Discord;
using Discord.Rest;
using NetworkingBot.Discord.Client;
using NetworkingBot.Discord.Tests.Rest;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Discord.Tests.Client;

/// <summary>The fake Discord REST server and the adapter's Discord.Net messenger logged in against it.</summary>
internal sealed class LibraryRig : IAsyncDisposable
{
    public const string Community = "discord:42";

    private LibraryRig(FakeDiscordRest fake, DiscordRestClient client, ListLogger<LibraryMessenger> logger)
    {
        Fake = fake;
        Client = client;
        Logger = logger;
        Messenger = new LibraryMessenger(client, logger);
    }

    public FakeDiscordRest Fake { get; }

    public DiscordRestClient Client { get; }

    public ListLogger<LibraryMessenger> Logger { get; }

    public LibraryMessenger Messenger { get; }

    public static async Task<LibraryRig> StartAsync()
    {
        var fake = await FakeDiscordRest.StartAsync();
        fake.ExpectedToken = "test-token";
        var client = DiscordClientFactory.Rest(new DiscordOptions { Token = "test-token", ApiBaseUrl = fake.ApiBaseUrl });
        // The fake's tokens are not Discord-shaped.
        await client.LoginAsync(TokenType.Bot, "test-token", validateToken: false);
        return new LibraryRig(fake, client, new ListLogger<LibraryMessenger>());
    }

    public async ValueTask DisposeAsync()
    {
        await Client.LogoutAsync();
        await Client.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
