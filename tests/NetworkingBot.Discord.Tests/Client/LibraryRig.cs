using Microsoft.Extensions.Options;
using NetworkingBot.Discord.Client;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Discord.Tests.Client;

/// <summary>The fake Discord REST server and the adapter's Discord.Net messenger, logging in on first use, against it.</summary>
internal sealed class LibraryRig : IAsyncDisposable
{
    public const string Community = "discord:42";

    private LibraryRig(FakeDiscordRest fake)
    {
        Fake = fake;
        Connection = new DiscordConnection(Options.Create(new DiscordOptions { Token = "test-token", ApiBaseUrl = fake.ApiBaseUrl }));
        Messenger = new LibraryMessenger(Connection, Logger);
    }

    public FakeDiscordRest Fake { get; }

    public DiscordConnection Connection { get; }

    public ListLogger<LibraryMessenger> Logger { get; } = new();

    public LibraryMessenger Messenger { get; }

    public static async Task<LibraryRig> StartAsync()
    {
        var fake = await FakeDiscordRest.StartAsync();
        fake.ExpectedToken = "test-token";
        return new LibraryRig(fake);
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
