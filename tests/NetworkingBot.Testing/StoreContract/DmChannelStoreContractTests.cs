using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using Xunit;

namespace NetworkingBot.Testing.StoreContract;

/// <summary>What every <see cref="IDmChannelStore"/> promises; each store's test project derives and supplies fresh, empty stores.</summary>
public abstract class DmChannelStoreContractTests
{
    private static readonly CommunityId Slack = CommunityId.Parse("slack:T1");
    private static readonly CommunityId Discord = CommunityId.Parse("discord:42");

    protected abstract Task<IDmChannelStore> CreateStoreAsync();

    [Fact]
    public async Task A_saved_conversation_is_found_by_its_community_and_members_only()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync(Slack, "U1", "D1");
        await store.SaveAsync(Slack, "U1,U2", "G12");

        Assert.Equal("D1", await store.FindAsync(Slack, "U1"));
        Assert.Equal("G12", await store.FindAsync(Slack, "U1,U2"));
        Assert.Null(await store.FindAsync(Slack, "U2"));
        Assert.Null(await store.FindAsync(Discord, "U1")); // another community's DM is not this one's
    }

    [Fact]
    public async Task A_members_conversations_are_listed_and_forgotten_whole_ids_only_in_their_community_only()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync(Slack, "U1", "D1");
        await store.SaveAsync(Slack, "U1,U2", "G12");
        await store.SaveAsync(Slack, "U0,U1,U3", "G013");
        await store.SaveAsync(Slack, "U11,U2", "G112"); // U11 is not U1
        await store.SaveAsync(Slack, "U_1", "D_1"); // "_" is no wildcard
        await store.SaveAsync(Discord, "U1", "other-community");

        var listed = await store.ListForMemberAsync(Slack, "U1");
        Assert.Equal(["U0,U1,U3", "U1", "U1,U2"], listed.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("G12", listed["U1,U2"]);

        Assert.Equal(3, await store.ForgetMemberAsync(Slack, "U1"));
        Assert.Empty(await store.ListForMemberAsync(Slack, "U1"));
        Assert.Equal("G112", await store.FindAsync(Slack, "U11,U2"));
        Assert.Equal("D_1", await store.FindAsync(Slack, "U_1"));
        Assert.Equal("other-community", await store.FindAsync(Discord, "U1"));
        Assert.Equal(0, await store.ForgetMemberAsync(Slack, "U1"));
    }

    [Fact]
    public async Task Saving_again_replaces_and_forgetting_removes_only_that_conversation()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync(Discord, "7", "old");
        await store.SaveAsync(Discord, "8", "eight");

        await store.SaveAsync(Discord, "7", "new");
        Assert.Equal("new", await store.FindAsync(Discord, "7"));

        await store.ForgetAsync(Discord, "7");
        await store.ForgetAsync(Discord, "9"); // nothing saved: nothing to do, no error
        Assert.Null(await store.FindAsync(Discord, "7"));
        Assert.Equal("eight", await store.FindAsync(Discord, "8"));
    }

    [Fact]
    public async Task An_empty_members_key_or_channel_id_is_refused_and_changes_nothing()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync(Slack, "U1", "D1");

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.SaveAsync(Slack, "U1", " "));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.SaveAsync(Slack, "", "D2"));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.FindAsync(Slack, ""));

        Assert.Equal("D1", await store.FindAsync(Slack, "U1"));
    }

    [Fact]
    public void The_members_key_is_the_same_in_any_order_and_with_repeats() =>
        Assert.Equal("U1,U2,U3", IDmChannelStore.MembersKey(["U3", "U1", "U2", "U1"]));
}
