using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Discord.Delivery;
using NetworkingBot.Discord.Rest;
using NetworkingBot.Discord.Tests.Rest;

namespace NetworkingBot.Discord.Tests.Delivery;

public sealed class DiscordMessengerTests
{
    private const string Community = "discord:42";

    private static DiscordMessenger Messenger(RestHarness h) => new(h.Client, new ListLogger<DiscordMessenger>());

    [Fact]
    public async Task Channel_post_goes_to_the_channel_with_user_only_mentions_and_a_nonce()
    {
        await using var h = await RestHarness.StartAsync();

        await Messenger(h).SendAsync(OutboundMessage.ToChannel(Community, "77", "@everyone welcome <@5> <@&9>", "k1"), CancellationToken.None);

        var call = Assert.Single(h.Fake.Calls);
        Assert.Equal("channels/77/messages", call.Path);
        var mentions = call.Body!.Value.GetProperty("allowed_mentions");
        Assert.Equal(0, mentions.GetProperty("parse").GetArrayLength());
        Assert.Equal(["5"], mentions.GetProperty("users").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(MessageBodies.Nonce("k1", 0), call.BodyString("nonce"));
        Assert.True(call.Body.Value.GetProperty("enforce_nonce").GetBoolean());
    }

    [Fact]
    public async Task Dm_channel_is_opened_once_per_user_even_under_concurrent_sends()
    {
        await using var h = await RestHarness.StartAsync();
        var messenger = Messenger(h);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            messenger.SendAsync(OutboundMessage.ToUser(Community, "1001", $"hello {i}", $"k{i}", new ButtonSpec("Ok", "/ok")), CancellationToken.None)));
        await messenger.SendAsync(OutboundMessage.ToUser(Community, "1002", "hi", "k9"), CancellationToken.None);

        Assert.Equal(2, h.Fake.Calls.Count(c => c.Path == "users/@me/channels"));
        Assert.Equal(5, h.Fake.MessagesTo("1001").Count);
        Assert.Single(h.Fake.MessagesTo("1002"));
    }

    [Fact]
    public async Task Closed_dms_throw_RecipientUnreachableException_with_the_user()
    {
        await using var h = await RestHarness.StartAsync();
        h.Fake.CloseDirectMessages("1001");

        var error = await Assert.ThrowsAsync<RecipientUnreachableException>(() =>
            Messenger(h).SendAsync(OutboundMessage.ToUser(Community, "1001", "hello", "k"), CancellationToken.None));

        Assert.Equal("1001", error.UserId);
        Assert.Equal(50007, Assert.IsType<DiscordApiException>(error.InnerException).Code);
        Assert.Empty(h.Fake.Messages);
    }

    [Fact]
    public async Task Group_messages_are_not_supported()
    {
        await using var h = await RestHarness.StartAsync();
        var messenger = Messenger(h);

        Assert.False(((IPlatformMessenger)messenger).SupportsGroups);
        await Assert.ThrowsAsync<NotSupportedException>(() =>
            messenger.SendAsync(OutboundMessage.ToGroup(Community, ["1", "2"], "hi all", "g"), CancellationToken.None));
        Assert.Empty(h.Fake.Calls);
    }

    [Fact]
    public async Task Long_text_arrives_as_parts_within_the_limit_with_buttons_on_the_last()
    {
        await using var h = await RestHarness.StartAsync();
        var text = string.Join('\n', Enumerable.Range(0, 100).Select(i => $"<@{i + 1}> line {i} " + new string('x', 40)));

        await Messenger(h).SendAsync(OutboundMessage.ToUser(Community, "1001", text, "long", new ButtonSpec("Met", "/coffee checkin round:r1 answer:met")), CancellationToken.None);

        var messages = h.Fake.MessagesTo("1001");
        Assert.Equal(3, messages.Count);
        Assert.All(messages, m => Assert.InRange(m.Content.Length, 1, 2000));
        Assert.Equal(text, string.Join('\n', messages.Select(m => m.Content)));
        Assert.Equal([false, false, true], messages.Select(m => m.Body.TryGetProperty("components", out _)));
    }

    [Fact]
    public async Task Burst_of_200_dms_with_429s_on_a_share_of_calls_delivers_each_exactly_once()
    {
        // The global limit is raised only so the burst fits the test's time budget; the 429s exercise the retries.
        await using var h = await RestHarness.StartAsync(RestHarness.FastLimits with { GlobalPerSecond = 2_000 });
        h.Fake.RateLimitEvery(7, retryAfterSeconds: 0.05);
        var messenger = Messenger(h);
        var users = Enumerable.Range(0, 200).Select(i => (2000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        await Task.WhenAll(users.Select(u =>
            messenger.SendAsync(OutboundMessage.ToUser(Community, u, $"Your coffee partner is <@{u}>", $"round:r1:intro:{u}"), CancellationToken.None)));

        Assert.True(h.Fake.Calls.Count(c => c.Status == 429) >= 50, "the fake should have rate limited a share of the calls");
        Assert.All(users, u => Assert.Single(h.Fake.MessagesTo(u)));
        Assert.Equal(200, h.Fake.Messages.Count);
        Assert.Equal(200, h.Fake.Calls.Count(c => c.Path.EndsWith("/messages", StringComparison.Ordinal) && c.Succeeded));
    }
}
