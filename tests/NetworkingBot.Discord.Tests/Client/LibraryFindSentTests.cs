using System.Text.Json.Nodes;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Discord.Delivery;

namespace NetworkingBot.Discord.Tests.Client;

/// <summary>
/// <see cref="NetworkingBot.Discord.Client.LibraryMessenger.FindSentAsync"/>: whether Discord already holds a message,
/// read back through Discord.Net's GetMessagesAsync by the reference its first part carries in an embed footer.
/// </summary>
public sealed class LibraryFindSentTests
{
    private const string Community = LibraryRig.Community;

    [Fact]
    public async Task A_dm_the_bot_sent_is_found_and_one_it_did_not_is_not()
    {
        await using var rig = await LibraryRig.StartAsync();
        var intro = OutboundMessage.ToUser(Community, "1001", "☕ You're meeting <@1002>!\nWhy you were matched: archives.", "round:r1:intro:1001", new ButtonSpec("We met", "/coffee checkin"));
        await rig.Messenger.SendAsync(intro, CancellationToken.None);

        Assert.Equal(SentLookup.Sent, await rig.Messenger.FindSentAsync(intro, CancellationToken.None));
        Assert.Equal(SentLookup.NotSent, await rig.Messenger.FindSentAsync(intro with { DedupKey = "round:r2:intro:1001" }, CancellationToken.None));
        Assert.Equal(SentLookup.NotSent, await rig.Messenger.FindSentAsync(intro with { UserId = "1003" }, CancellationToken.None));
    }

    [Fact]
    public async Task A_channel_post_without_an_embed_carries_its_reference_in_a_footer_and_is_found()
    {
        await using var rig = await LibraryRig.StartAsync();
        var post = OutboundMessage.ToChannel(Community, "77", "Round 1 is out: 4 pairs.", "round:r1:announce");
        await rig.Messenger.SendAsync(post, CancellationToken.None);

        var embed = Assert.Single(Assert.Single(rig.Fake.Messages).Body.GetProperty("embeds").EnumerateArray());
        Assert.Equal(MessageBodies.Reference("round:r1:announce"), embed.GetProperty("footer").GetProperty("text").GetString());
        Assert.Equal(SentLookup.Sent, await rig.Messenger.FindSentAsync(post, CancellationToken.None));
        Assert.Equal(SentLookup.NotSent, await rig.Messenger.FindSentAsync(post with { DedupKey = "round:r2:announce" }, CancellationToken.None));
    }

    [Fact]
    public async Task Only_the_bots_own_messages_count_even_when_a_member_copies_the_reference()
    {
        await using var rig = await LibraryRig.StartAsync();
        var post = OutboundMessage.ToChannel(Community, "77", "Round 1 is out.", "round:r1:announce");
        rig.Fake.PostAsMember("77", "555", new JsonObject
        {
            ["content"] = "look",
            ["embeds"] = new JsonArray(new JsonObject { ["footer"] = new JsonObject { ["text"] = MessageBodies.Reference(post.DedupKey) } }),
        });

        Assert.Equal(SentLookup.NotSent, await rig.Messenger.FindSentAsync(post, CancellationToken.None));
    }

    [Fact]
    public async Task The_reference_survives_an_edit_into_the_replacement_s_own()
    {
        await using var rig = await LibraryRig.StartAsync();
        var lead = OutboundMessage.ToChannel(Community, "77", "New job lead #1", "lead:1:post");
        var postRef = await rig.Messenger.PostAsync(lead, CancellationToken.None);

        Assert.True(await rig.Messenger.EditAsync(postRef!, lead with { Text = "Filled: job lead #1", DedupKey = "lead:1:closed" }, CancellationToken.None));

        Assert.Equal(SentLookup.Sent, await rig.Messenger.FindSentAsync(lead with { DedupKey = "lead:1:closed" }, CancellationToken.None));
        Assert.Equal(SentLookup.NotSent, await rig.Messenger.FindSentAsync(lead, CancellationToken.None));
    }

    [Fact]
    public async Task A_server_channel_that_reads_back_empty_cannot_tell_but_an_empty_dm_channel_holds_nothing()
    {
        await using var rig = await LibraryRig.StartAsync();

        // A channel read without Read Message History answers an empty list, like a channel with nothing in it.
        Assert.Equal(SentLookup.Unknown, await rig.Messenger.FindSentAsync(OutboundMessage.ToChannel(Community, "78", "Round 1 is out.", "round:r1:announce"), CancellationToken.None));
        Assert.Equal(SentLookup.NotSent, await rig.Messenger.FindSentAsync(OutboundMessage.ToUser(Community, "1009", "Hi", "round:r1:intro:1009"), CancellationToken.None));
    }
}
