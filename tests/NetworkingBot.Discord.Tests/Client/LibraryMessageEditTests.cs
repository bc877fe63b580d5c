using NetworkingBot.Core.Abstractions;
using NetworkingBot.Discord.Delivery;
using Discord.Net;

namespace NetworkingBot.Discord.Tests.Client;

/// <summary>Posting with a reference and editing by it through Discord.Net, against the loopback Discord.</summary>
public sealed class LibraryMessageEditTests
{
    private const string Community = LibraryRig.Community;
    private const string Card = "**Filled: job lead #1, Cataloger** — KU\nClosed 2026-03-04: the position has been filled.\nShared by <@5> @everyone <@&9>";

    private static OutboundMessage Post(string text) => OutboundMessage.ToChannel(Community, "77", text, "job:1:post") with { Card = true };

    [Fact]
    public async Task A_post_is_referenced_by_channel_and_message_id_and_the_edit_replaces_every_field()
    {
        await using var rig = await LibraryRig.StartAsync();

        var postRef = await rig.Messenger.PostAsync(Post("**New job lead #1: Cataloger** — KU\nLink: https://example.org/1\nShared by <@5>"), CancellationToken.None);
        var posted = Assert.Single(rig.Fake.Messages);
        Assert.Equal($"77/{posted.Id}", postRef);

        Assert.True(await rig.Messenger.EditAsync(postRef!, Post(Card), CancellationToken.None));

        var call = Assert.Single(rig.Fake.Calls, c => c.Method == "PATCH");
        Assert.Equal($"channels/77/messages/{posted.Id}", call.Path);
        var body = call.Body!.Value;
        Assert.Equal("**Filled: job lead #1, Cataloger** — KU", body.GetProperty("content").GetString());
        var embed = Assert.Single(body.GetProperty("embeds").EnumerateArray());
        Assert.StartsWith("Closed 2026-03-04", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(MessageBodies.Reference("job:1:post"), embed.GetProperty("footer").GetProperty("text").GetString());
        Assert.Equal(0, body.GetProperty("components").GetArrayLength());
        // Only the users the headline names may be pinged; the headline names none, so nobody is.
        var mentions = body.GetProperty("allowed_mentions");
        Assert.Equal(0, mentions.GetProperty("parse").GetArrayLength());
        Assert.Equal(0, mentions.GetProperty("users").GetArrayLength());
        Assert.Equal(posted.Id, Assert.Single(rig.Fake.Edits).MessageId);
    }

    [Fact]
    public async Task A_plain_edit_allows_pings_only_for_the_users_in_its_text()
    {
        await using var rig = await LibraryRig.StartAsync();
        var postRef = await rig.Messenger.PostAsync(OutboundMessage.ToChannel(Community, "77", "hello", "k"), CancellationToken.None);

        Assert.True(await rig.Messenger.EditAsync(postRef!, OutboundMessage.ToChannel(Community, "77", "@everyone <@5> <@&9> closed", "k"), CancellationToken.None));

        var edit = Assert.Single(rig.Fake.Edits);
        Assert.Equal("@everyone <@5> <@&9> closed", edit.Content);
        var mentions = edit.Body.GetProperty("allowed_mentions");
        Assert.Equal(0, mentions.GetProperty("parse").GetArrayLength());
        Assert.Equal(["5"], mentions.GetProperty("users").EnumerateArray().Select(u => u.GetString()));
    }

    [Fact]
    public async Task Editing_a_deleted_message_answers_false()
    {
        await using var rig = await LibraryRig.StartAsync();
        var postRef = await rig.Messenger.PostAsync(Post(Card), CancellationToken.None);
        rig.Fake.DeleteMessage(Assert.Single(rig.Fake.Messages).Id);

        Assert.False(await rig.Messenger.EditAsync(postRef!, Post(Card), CancellationToken.None));

        Assert.Equal(404, Assert.Single(rig.Fake.Calls, c => c.Method == "PATCH").Status);
        Assert.Empty(rig.Fake.Edits);
    }

    [Fact]
    public async Task Other_refusals_of_an_edit_throw()
    {
        await using var rig = await LibraryRig.StartAsync();
        var postRef = await rig.Messenger.PostAsync(Post(Card), CancellationToken.None);
        rig.Fake.FailNext(1, 403, method: "PATCH");

        await Assert.ThrowsAsync<HttpException>(() => rig.Messenger.EditAsync(postRef!, Post(Card), CancellationToken.None));
    }

    [Fact]
    public async Task A_foreign_reference_or_a_replacement_needing_parts_is_not_edited()
    {
        await using var rig = await LibraryRig.StartAsync();
        var text = string.Join('\n', Enumerable.Range(0, 60).Select(i => $"line {i} " + new string('x', 60)));
        var postRef = await rig.Messenger.PostAsync(OutboundMessage.ToChannel(Community, "77", "short", "short"), CancellationToken.None);

        Assert.False(await rig.Messenger.EditAsync("C0JOBS/1700000000.000001", Post(Card), CancellationToken.None));
        Assert.False(await rig.Messenger.EditAsync(postRef!, OutboundMessage.ToChannel(Community, "77", text, "long"), CancellationToken.None));
        Assert.DoesNotContain(rig.Fake.Calls, c => c.Method == "PATCH");
    }
}
