using NetworkingBot.Core.Abstractions;
using NetworkingBot.Discord.Client;

namespace NetworkingBot.Discord.Tests.Client;

/// <summary>
/// A server channel Discord does not know (Unknown Channel, 10003), through Discord.Net: a post names the channel and
/// sends nothing, an edit there answers false, and the read-back says nothing was sent there.
/// </summary>
public sealed class LibraryUnknownChannelTests
{
    private const string Community = LibraryRig.Community;
    private const string Gone = "888000000000000001";

    [Fact]
    public async Task A_post_to_a_channel_Discord_does_not_know_throws_naming_it_and_sends_nothing()
    {
        await using var rig = await LibraryRig.StartAsync();
        rig.Fake.RefuseNext(1, 404, 10003, "Unknown Channel", "GET", $"channels/{Gone}");

        var error = await Assert.ThrowsAsync<ChannelUnavailableException>(() =>
            rig.Messenger.PostAsync(OutboundMessage.ToChannel(Community, Gone, "Round 1 is out", "round:r1:announce"), CancellationToken.None));

        Assert.Equal((Gone, 10003), (error.ChannelId, error.Code));
        Assert.Contains(Gone, error.Message, StringComparison.Ordinal);
        Assert.Empty(rig.Fake.Messages);
    }

    [Fact]
    public async Task Editing_a_message_in_a_channel_that_is_gone_answers_false_without_a_patch()
    {
        await using var rig = await LibraryRig.StartAsync();
        rig.Fake.RefuseNext(1, 404, 10003, "Unknown Channel", "GET", $"channels/{Gone}");

        Assert.False(await rig.Messenger.EditAsync($"{Gone}/123", OutboundMessage.ToChannel(Community, Gone, "closed", "job:1:post"), CancellationToken.None));

        Assert.DoesNotContain(rig.Fake.Calls, c => c.Method == "PATCH");
        Assert.Contains(rig.Logger.Entries, e => e.Message.Contains("is gone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reading_back_a_channel_that_is_gone_answers_not_sent()
    {
        await using var rig = await LibraryRig.StartAsync();
        rig.Fake.RefuseNext(1, 404, 10003, "Unknown Channel", "GET", $"channels/{Gone}");

        Assert.Equal(SentLookup.NotSent, await rig.Messenger.FindSentAsync(OutboundMessage.ToChannel(Community, Gone, "Round 1 is out", "round:r1:announce"), CancellationToken.None));
    }
}
