using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Discord.Tests.Client;

/// <summary>
/// Issues 15 and 18 on Discord.Net: a DM channel the bot opened is kept in the store, so a restarted bot posts to it
/// with one call a DM (no open, no read of the channel or the user); a kept channel Discord no longer knows is
/// forgotten and opened again; a fresh open is one call.
/// </summary>
public sealed class LibraryKeptDmChannelTests
{
    private const string Community = LibraryRig.Community;
    private static readonly CommunityId CommunityId = CommunityId.Parse(Community);

    [Fact]
    public async Task A_restarted_messenger_posts_to_the_kept_DM_channel_with_one_call_and_no_open()
    {
        var kept = new InMemoryDmChannelStore();
        await using var rig = await LibraryRig.StartAsync(dmChannels: kept);
        await rig.Messenger.SendAsync(OutboundMessage.ToUser(Community, "1001", "round 1", "r1:intro:1001"), CancellationToken.None);
        Assert.Equal(rig.Fake.DmChannelOf("1001"), await kept.FindAsync(CommunityId, "1001"));

        var (connection, restarted) = rig.Restart();
        await using var _ = connection;
        await connection.RestAsync(CancellationToken.None); // the login's own calls are not the DM's
        var before = rig.Fake.Calls.Count;
        await restarted.SendAsync(OutboundMessage.ToUser(Community, "1001", "round 2", "r2:intro:1001"), CancellationToken.None);

        var call = Assert.Single(rig.Fake.Calls.Skip(before));
        Assert.Equal(("POST", $"channels/{rig.Fake.DmChannelOf("1001")}/messages"), (call.Method, call.Path));
        Assert.Single(rig.Fake.Calls, c => c.Path == "users/@me/channels");
        Assert.Equal(["round 1", "round 2"], rig.Fake.MessagesTo("1001").Select(m => m.Content));
    }

    [Fact]
    public async Task Opening_a_DM_is_one_call_without_reading_the_user_first()
    {
        await using var rig = await LibraryRig.StartAsync(dmChannels: new InMemoryDmChannelStore());
        await rig.Connection.RestAsync(CancellationToken.None);
        var before = rig.Fake.Calls.Count;

        await rig.Messenger.SendAsync(OutboundMessage.ToUser(Community, "1001", "hello", "k1"), CancellationToken.None);

        Assert.Equal(["POST users/@me/channels", $"POST channels/{rig.Fake.DmChannelOf("1001")}/messages"],
            rig.Fake.Calls.Skip(before).Select(c => $"{c.Method} {c.Path}"));
    }

    [Fact]
    public async Task A_kept_channel_Discord_no_longer_knows_is_forgotten_and_the_DM_goes_to_a_new_one_once()
    {
        var kept = new InMemoryDmChannelStore();
        await kept.SaveAsync(CommunityId, "1001", "999000000000000001");
        await using var rig = await LibraryRig.StartAsync(dmChannels: kept);
        rig.Fake.RefuseNext(1, 404, 10003, "Unknown Channel", "POST", "channels/999000000000000001/messages");

        var postRef = await rig.Messenger.PostAsync(OutboundMessage.ToUser(Community, "1001", "hello", "k1"), CancellationToken.None);

        var opened = rig.Fake.DmChannelOf("1001");
        Assert.NotNull(opened);
        var message = Assert.Single(rig.Fake.MessagesTo("1001"));
        Assert.Equal($"{opened}/{message.Id}", postRef);
        Assert.Equal(opened, await kept.FindAsync(CommunityId, "1001"));
        Assert.Contains(rig.Logger.Entries, e => e.Message.Contains("999000000000000001 of user 1001 is gone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_channel_opened_this_life_that_Discord_says_is_gone_is_an_error_not_a_retry()
    {
        // Only a kept id can be stale; a channel Discord answered a moment ago failing is not ours to paper over.
        var kept = new InMemoryDmChannelStore();
        await using var rig = await LibraryRig.StartAsync(dmChannels: kept);
        await rig.Messenger.SendAsync(OutboundMessage.ToUser(Community, "1001", "first", "k1"), CancellationToken.None);
        rig.Fake.RefuseNext(1, 404, 10003, "Unknown Channel", "POST", $"channels/{rig.Fake.DmChannelOf("1001")}/messages");

        var error = await Assert.ThrowsAsync<global::Discord.Net.HttpException>(() =>
            rig.Messenger.SendAsync(OutboundMessage.ToUser(Community, "1001", "second", "k2"), CancellationToken.None));

        Assert.Equal(10003, (int?)error.DiscordCode);
        Assert.Single(rig.Fake.Calls, c => c.Path == "users/@me/channels");
        Assert.Equal(rig.Fake.DmChannelOf("1001"), await kept.FindAsync(CommunityId, "1001"));
    }

    [Fact]
    public async Task Reading_back_a_kept_channel_that_is_gone_answers_not_sent_and_forgets_it()
    {
        var kept = new InMemoryDmChannelStore();
        await kept.SaveAsync(CommunityId, "1001", "999000000000000002");
        await using var rig = await LibraryRig.StartAsync(dmChannels: kept);
        rig.Fake.RefuseNext(1, 404, 10003, "Unknown Channel", "GET", "channels/999000000000000002/messages");
        var intro = OutboundMessage.ToUser(Community, "1001", "hello", "round:r1:intro:1001");

        Assert.Equal(SentLookup.NotSent, await rig.Messenger.FindSentAsync(intro, CancellationToken.None));
        Assert.Null(await kept.FindAsync(CommunityId, "1001"));

        await rig.Messenger.SendAsync(intro, CancellationToken.None);
        Assert.Single(rig.Fake.MessagesTo("1001"));
        Assert.Equal(rig.Fake.DmChannelOf("1001"), await kept.FindAsync(CommunityId, "1001"));
    }

    [Fact]
    public async Task Each_community_keeps_its_own_record_of_the_DM_channel_as_the_store_answers_per_community()
    {
        var kept = new InMemoryDmChannelStore();
        await using var rig = await LibraryRig.StartAsync(dmChannels: kept);
        await rig.Messenger.SendAsync(OutboundMessage.ToUser(Community, "1001", "hello", "k1"), CancellationToken.None);
        await rig.Messenger.SendAsync(OutboundMessage.ToUser("discord:43", "1001", "hello from 43", "k2"), CancellationToken.None);

        // Discord answers the same channel to both opens; export-me and forget-me in either community see it.
        Assert.Equal(rig.Fake.DmChannelOf("1001"), await kept.FindAsync(CommunityId, "1001"));
        Assert.Equal(rig.Fake.DmChannelOf("1001"), await kept.FindAsync(CommunityId.Parse("discord:43"), "1001"));
        Assert.Equal(2, rig.Fake.MessagesTo("1001").Count);
    }
}
