using NetworkingBot.Testing.Fakes;
using Microsoft.Extensions.Options;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Discord.Client;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Discord.Tests.Client;

/// <summary>
/// The fake Discord REST server and the adapter's Discord.Net messenger, logging in on first use, against it; paced
/// at <see cref="DiscordOptions.GlobalPerSecond"/> (48 unless a test raises it to fit its time) and keeping DM channels
/// in <see cref="DmChannels"/> when given one.
/// </summary>
internal sealed class LibraryRig : IAsyncDisposable
{
    public const string Community = "discord:42";

    private LibraryRig(FakeDiscordRest fake, int globalPerSecond, IDmChannelStore? dmChannels)
    {
        Fake = fake;
        DmChannels = dmChannels;
        Connection = new DiscordConnection(Options.Create(new DiscordOptions { Token = "test-token", ApiBaseUrl = fake.ApiBaseUrl, GlobalPerSecond = globalPerSecond }));
        Messenger = new LibraryMessenger(Connection, Logger, dmChannels);
    }

    public FakeDiscordRest Fake { get; }

    public DiscordConnection Connection { get; }

    public RecordingLogger<LibraryMessenger> Logger { get; } = new();

    public LibraryMessenger Messenger { get; }

    public IDmChannelStore? DmChannels { get; }

    public static async Task<LibraryRig> StartAsync(int globalPerSecond = DiscordOptions.DefaultGlobalPerSecond, IDmChannelStore? dmChannels = null)
    {
        var fake = await FakeDiscordRest.StartAsync();
        fake.ExpectedToken = "test-token";
        return new LibraryRig(fake, globalPerSecond, dmChannels);
    }

    /// <summary>A restarted bot on the same fake Discord and store: a new connection and messenger, nothing in memory.</summary>
    public (DiscordConnection Connection, LibraryMessenger Messenger) Restart()
    {
        var connection = new DiscordConnection(Options.Create(new DiscordOptions { Token = "test-token", ApiBaseUrl = Fake.ApiBaseUrl }));
        return (connection, new LibraryMessenger(connection, Logger, DmChannels));
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
