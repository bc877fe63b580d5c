using NetworkingBot.Core.Abstractions;
using NetworkingBot.Discord.Delivery;
using NetworkingBot.Discord.Tests.Rest;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Discord.Tests.Delivery;

/// <summary>
/// Issue 18: a DM channel the bot opened is kept in the store, so a restarted bot (a new messenger on the same store)
/// posts to it without opening it again: the first round after a restart makes half the calls it used to.
/// </summary>
public sealed class KeptDmChannelTests
{
    private const string Community = "discord:42";

    [Fact]
    public async Task A_restarted_messenger_posts_to_the_kept_DM_channel_without_opening_it_again()
    {
        await using var h = await RestHarness.StartAsync();
        var kept = new InMemoryDmChannelStore();
        await new DiscordMessenger(h.Client, new ListLogger<DiscordMessenger>(), kept)
            .SendAsync(OutboundMessage.ToUser(Community, "1001", "round 1", "r1:intro:1001"), CancellationToken.None);
        Assert.Single(h.Fake.Calls, c => c.Path == "users/@me/channels");

        var restarted = new DiscordMessenger(h.Client, new ListLogger<DiscordMessenger>(), kept);
        await restarted.SendAsync(OutboundMessage.ToUser(Community, "1001", "round 2", "r2:intro:1001"), CancellationToken.None);

        Assert.Single(h.Fake.Calls, c => c.Path == "users/@me/channels");
        Assert.Equal(2, h.Fake.MessagesTo("1001").Count);
        Assert.Equal(h.Fake.DmChannelOf("1001"), await kept.FindAsync(Core.Commands.CommunityId.Parse(Community), "1001"));
    }
}
