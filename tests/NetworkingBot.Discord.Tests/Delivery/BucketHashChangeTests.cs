using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Discord.Delivery;
using NetworkingBot.Discord.Tests.Rest;

namespace NetworkingBot.Discord.Tests.Delivery;

/// <summary>
/// Discord may move a route to another rate-limit bucket and back. An independent Discord-compatible server moved the
/// DM route's bucket hash A → B → A, and the limiter then looped on the bucket it had given up: no DM left the bot.
/// </summary>
public sealed class BucketHashChangeTests
{
    [Fact]
    public async Task After_the_dm_routes_bucket_hash_goes_A_B_A_twenty_five_dms_are_each_delivered_exactly_once()
    {
        await using var h = await RestHarness.StartAsync();
        h.Fake.ChangeBucketHashes("create-dm", "dm-A", "dm-B", "dm-A");
        h.Fake.ChangeBucketHashes("channel-messages", "msg-A", "msg-B", "msg-A");
        var messenger = new DiscordMessenger(h.Client, new ListLogger<DiscordMessenger>());
        var members = Enumerable.Range(1, 25).Select(i => (2000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        // One after another, as a round sends its intros.
        var sending = Task.Run(async () =>
        {
            foreach (var member in members)
            {
                await messenger.SendAsync(OutboundMessage.ToUser("discord:42", member, $"Hello {member}", $"intro:{member}"), timeout.Token);
            }
        });
        await sending.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(members, m => Assert.Single(h.Fake.MessagesTo(m)));
        Assert.Equal(25, h.Fake.Messages.Count);
    }
}
