using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Discord.Delivery;
using NetworkingBot.Discord.Interactions;
using Discord.Net;

namespace NetworkingBot.Discord.Tests.Client;

/// <summary>DMs and channel posts through Discord.Net, against the loopback Discord: what the platform receives.</summary>
public sealed class LibraryMessengerTests
{
    private const string Community = LibraryRig.Community;

    [Fact]
    public async Task A_channel_post_pings_only_the_users_its_text_names_never_everyone_or_roles()
    {
        await using var rig = await LibraryRig.StartAsync();

        await rig.Messenger.SendAsync(OutboundMessage.ToChannel(Community, "77", "@everyone welcome <@5> <@&9>", "k1"), CancellationToken.None);

        var message = Assert.Single(rig.Fake.Messages);
        Assert.Equal("77", message.ChannelId);
        Assert.Equal("@everyone welcome <@5> <@&9>", message.Content);
        var mentions = message.Body.GetProperty("allowed_mentions");
        Assert.Equal(0, mentions.GetProperty("parse").GetArrayLength());
        Assert.Equal(["5"], mentions.GetProperty("users").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(0, mentions.GetProperty("roles").GetArrayLength());
    }

    [Fact]
    public async Task A_dm_channel_is_opened_once_per_user_even_under_concurrent_sends()
    {
        await using var rig = await LibraryRig.StartAsync();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            rig.Messenger.SendAsync(OutboundMessage.ToUser(Community, "1001", $"hello {i}", $"k{i}", new ButtonSpec("Ok", "/ok")), CancellationToken.None)));
        await rig.Messenger.SendAsync(OutboundMessage.ToUser(Community, "1002", "hi", "k9"), CancellationToken.None);

        Assert.Equal(2, rig.Fake.Calls.Count(c => c.Path == "users/@me/channels"));
        Assert.Equal(5, rig.Fake.MessagesTo("1001").Count);
        Assert.Single(rig.Fake.MessagesTo("1002"));
    }

    [Fact]
    public async Task Closed_dms_throw_RecipientUnreachableException_with_the_user()
    {
        await using var rig = await LibraryRig.StartAsync();
        rig.Fake.CloseDirectMessages("1001");

        var error = await Assert.ThrowsAsync<RecipientUnreachableException>(() =>
            rig.Messenger.SendAsync(OutboundMessage.ToUser(Community, "1001", "hello", "k"), CancellationToken.None));

        Assert.Equal("1001", error.UserId);
        Assert.Equal(50007, (int?)Assert.IsType<HttpException>(error.InnerException).DiscordCode);
        Assert.Empty(rig.Fake.Messages);
    }

    [Fact]
    public async Task Group_messages_are_not_supported_and_nothing_is_sent()
    {
        await using var rig = await LibraryRig.StartAsync();
        var before = rig.Fake.Calls.Count;

        Assert.False(((IPlatformMessenger)rig.Messenger).SupportsGroups);
        await Assert.ThrowsAsync<NotSupportedException>(() =>
            rig.Messenger.SendAsync(OutboundMessage.ToGroup(Community, ["1", "2"], "hi all", "g"), CancellationToken.None));
        Assert.Equal(before, rig.Fake.Calls.Count);
    }

    [Fact]
    public async Task Long_text_arrives_as_parts_within_the_limit_with_buttons_carrying_the_guild_on_the_last()
    {
        await using var rig = await LibraryRig.StartAsync();
        var text = string.Join('\n', Enumerable.Range(0, 100).Select(i => $"<@{i + 1}> line {i} " + new string('x', 40)));

        var postRef = await rig.Messenger.PostAsync(OutboundMessage.ToUser(Community, "1001", text, "long", new ButtonSpec("Met", "/coffee checkin round:r1 answer:met")), CancellationToken.None);

        Assert.Null(postRef);
        var messages = rig.Fake.MessagesTo("1001");
        Assert.Equal(3, messages.Count);
        Assert.All(messages, m => Assert.InRange(m.Content.Length, 1, 2000));
        Assert.Equal(text, string.Join('\n', messages.Select(m => m.Content)));
        var rows = messages.Select(m => m.Body.TryGetProperty("components", out var c) ? c.GetArrayLength() : 0).ToList();
        Assert.Equal([0, 0, 1], rows);
        var button = messages[2].Body.GetProperty("components")[0].GetProperty("components")[0];
        Assert.Equal(ButtonIds.Encode("42", "/coffee checkin round:r1 answer:met"), button.GetProperty("custom_id").GetString());
    }

    [Fact]
    public async Task After_the_dm_routes_bucket_hash_goes_A_B_A_twenty_five_dms_are_each_delivered_exactly_once()
    {
        await using var rig = await LibraryRig.StartAsync();
        rig.Fake.ChangeBucketHashes("create-dm", "dm-A", "dm-B", "dm-A");
        rig.Fake.ChangeBucketHashes("channel-messages", "msg-A", "msg-B", "msg-A");
        var members = Enumerable.Range(1, 25).Select(i => (2000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        // One after another, as a round sends its intros.
        await Task.Run(async () =>
        {
            foreach (var member in members)
            {
                await rig.Messenger.SendAsync(OutboundMessage.ToUser(Community, member, $"Hello {member}", $"intro:{member}"), timeout.Token);
            }
        }).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(members, m => Assert.Single(rig.Fake.MessagesTo(m)));
        Assert.Equal(25, rig.Fake.Messages.Count);
    }
}
