using NetworkingBot.Core.Abstractions;
using NetworkingBot.Discord.Delivery;
using NetworkingBot.Discord.Tests.Rest;

namespace NetworkingBot.Discord.Tests.Delivery;

/// <summary>Posting with a reference and editing by it, against the loopback Discord.</summary>
public sealed class DiscordMessageEditTests
{
    private const string Community = "discord:42";
    private const string Card = "**Filled: job lead #1, Cataloger** — KU\nClosed 2026-03-04: the position has been filled.\nShared by <@5> @everyone <@&9>";

    private static DiscordMessenger Messenger(RestHarness h) => new(h.Client, new ListLogger<DiscordMessenger>());

    private static OutboundMessage Post(string text) => OutboundMessage.ToChannel(Community, "77", text, "job:1:post") with { Card = true };

    [Fact]
    public async Task A_post_is_referenced_by_channel_and_message_id_and_the_edit_patches_that_message_with_the_whole_replacement()
    {
        await using var h = await RestHarness.StartAsync();
        var messenger = Messenger(h);

        var postRef = await messenger.PostAsync(Post("**New job lead #1: Cataloger** — KU\nLink: https://example.org/1\nShared by <@5>"), CancellationToken.None);
        var posted = Assert.Single(h.Fake.Messages);
        Assert.Equal($"77/{posted.Id}", postRef);

        Assert.True(await messenger.EditAsync(postRef!, Post(Card), CancellationToken.None));

        var call = Assert.Single(h.Fake.Calls, c => c.Method == "PATCH");
        Assert.Equal($"channels/77/messages/{posted.Id}", call.Path);
        var body = call.Body!.Value;
        Assert.Equal("**Filled: job lead #1, Cataloger** — KU", body.GetProperty("content").GetString());
        var embed = Assert.Single(body.GetProperty("embeds").EnumerateArray());
        Assert.StartsWith("Closed 2026-03-04", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, body.GetProperty("components").GetArrayLength());
        // Only the users the headline names may be pinged; the headline names none, so nobody is.
        var mentions = body.GetProperty("allowed_mentions");
        Assert.Equal(0, mentions.GetProperty("parse").GetArrayLength());
        Assert.Equal(0, mentions.GetProperty("users").GetArrayLength());
        Assert.False(body.TryGetProperty("nonce", out _));
        Assert.Single(h.Fake.Messages);
        Assert.Equal(posted.Id, Assert.Single(h.Fake.Edits).MessageId);
    }

    [Fact]
    public async Task A_plain_edit_allows_pings_only_for_the_users_in_its_text()
    {
        await using var h = await RestHarness.StartAsync();
        var messenger = Messenger(h);
        var postRef = await messenger.PostAsync(OutboundMessage.ToChannel(Community, "77", "hello", "k"), CancellationToken.None);

        Assert.True(await messenger.EditAsync(postRef!, OutboundMessage.ToChannel(Community, "77", "@everyone <@5> <@&9> closed", "k"), CancellationToken.None));

        var edit = Assert.Single(h.Fake.Edits);
        Assert.Equal("@everyone <@5> <@&9> closed", edit.Content);
        var mentions = edit.Body.GetProperty("allowed_mentions");
        Assert.Equal(0, mentions.GetProperty("parse").GetArrayLength());
        Assert.Equal(["5"], mentions.GetProperty("users").EnumerateArray().Select(u => u.GetString()));
        // No body embed: the only one is the footer with the replacement's delivery reference.
        var footerOnly = Assert.Single(edit.Body.GetProperty("embeds").EnumerateArray());
        Assert.False(footerOnly.TryGetProperty("description", out _));
        Assert.Equal(MessageBodies.Reference("k"), footerOnly.GetProperty("footer").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Editing_a_deleted_message_answers_false()
    {
        await using var h = await RestHarness.StartAsync();
        var messenger = Messenger(h);
        var postRef = await messenger.PostAsync(Post(Card), CancellationToken.None);
        h.Fake.DeleteMessage(Assert.Single(h.Fake.Messages).Id);

        Assert.False(await messenger.EditAsync(postRef!, Post(Card), CancellationToken.None));

        Assert.Equal(404, Assert.Single(h.Fake.Calls, c => c.Method == "PATCH").Status);
        Assert.Empty(h.Fake.Edits);
    }

    [Fact]
    public async Task Other_refusals_of_an_edit_throw()
    {
        await using var h = await RestHarness.StartAsync();
        var messenger = Messenger(h);
        var postRef = await messenger.PostAsync(Post(Card), CancellationToken.None);
        h.Fake.FailNext(1, 403, method: "PATCH");

        await Assert.ThrowsAsync<NetworkingBot.Discord.Rest.DiscordApiException>(() => messenger.EditAsync(postRef!, Post(Card), CancellationToken.None));
    }

    [Fact]
    public async Task A_text_sent_in_parts_has_no_reference_and_a_foreign_reference_is_not_edited()
    {
        await using var h = await RestHarness.StartAsync();
        var messenger = Messenger(h);
        var text = string.Join('\n', Enumerable.Range(0, 60).Select(i => $"line {i} " + new string('x', 60)));

        Assert.Null(await messenger.PostAsync(OutboundMessage.ToChannel(Community, "77", text, "long"), CancellationToken.None));
        Assert.True(h.Fake.Messages.Count > 1);

        Assert.False(await messenger.EditAsync("C0JOBS/1700000000.000001", Post(Card), CancellationToken.None));
        Assert.False(await messenger.EditAsync($"77/{h.Fake.Messages[0].Id}", OutboundMessage.ToChannel(Community, "77", text, "long"), CancellationToken.None));
        Assert.DoesNotContain(h.Fake.Calls, c => c.Method == "PATCH");
    }
}
