using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Testing.FakeDiscord;
using NetworkingBot.Testing;

namespace NetworkingBot.Tests;

/// <summary>/job through the real host (SQLite, Quartz, core, Discord adapter) against the loopback Discord.</summary>
[Collection(HostCollection.Name)]
public sealed class JobLeadsDiscordEndToEndTests
{
    private const string Organiser = "900";
    private const string Sharer = "101";
    private const string Subscriber = "102";
    private const string Jobs = "645027906669510700";
    private const string Community = "discord:" + DiscordPayloads.Guild;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_shared_lead_is_posted_once_without_pings_DMed_to_the_subscriber_closing_it_edits_that_post_and_a_deleted_post_gets_a_follow_up()
    {
        await using var discord = await ConnectedDiscordHost.StartAsync(Wait);
        var (rest, gateway, host) = (discord.Rest, discord.Gateway, discord.Host);

        await DiscordAnswers.AnswerCallAsync(gateway, rest, DiscordPayloads.Slash("job-admin", "setup", new Dictionary<string, object> { ["channel"] = Jobs }, user: Organiser, permissions: DiscordPayloads.ManageServer));
        await DiscordAnswers.AnswerCallAsync(gateway, rest, DiscordPayloads.Slash("job", "subscribe", new Dictionary<string, object> { ["delivery"] = "instant" }, user: Subscriber));
        var shared = await DiscordAnswers.AnswerCallAsync(gateway, rest, DiscordPayloads.Slash("job", "share", new Dictionary<string, object>
        {
            ["title"] = "Metadata Librarian", ["employer"] = "KU Libraries", ["type"] = "full-time", ["remote"] = "yes",
            ["link"] = "https://example.org/jobs/1", ["note"] = "Great team @everyone <@&555> apply!",
        }, user: Sharer));
        Assert.Contains("Lead #1", DiscordAnswers.Text(shared), StringComparison.Ordinal);

        // One post in the jobs channel, an embed that can ping nobody, and one DM to the subscriber.
        await rest.WaitForCountAsync(c => c.Is("POST", "channels/") && c.Succeeded, 2, Wait);
        var post = Assert.Single(rest.Messages, m => m.ChannelId == Jobs);
        Assert.Equal("**New job lead #1: Metadata Librarian** — KU Libraries", post.Content);
        var embed = Assert.Single(post.Body.GetProperty("embeds").EnumerateArray()).GetProperty("description").GetString()!;
        Assert.Contains("Note: Great team", embed, StringComparison.Ordinal);
        Assert.DoesNotContain("@everyone", embed, StringComparison.Ordinal);
        Assert.DoesNotContain("<@&555>", embed, StringComparison.Ordinal);
        Assert.Equal(0, post.Body.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Equal(0, post.Body.GetProperty("allowed_mentions").GetProperty("users").GetArrayLength());
        var dm = Assert.Single(rest.MessagesTo(Subscriber));
        Assert.Contains("#1 Metadata Librarian", dm.Content + dm.Body.GetRawText(), StringComparison.Ordinal);
        var lead = await host.Services.GetRequiredService<IJobLeadStore>().GetLeadAsync(Community, 1);
        Assert.Equal($"{Jobs}/{post.Id}", lead!.PostRef);

        // The sharer closes it as filled: the post itself is edited; nothing new is posted anywhere.
        var closed = await DiscordAnswers.AnswerCallAsync(gateway, rest, DiscordPayloads.Slash("job", "close", new Dictionary<string, object> { ["lead"] = 1, ["reason"] = "filled" }, user: Sharer));
        Assert.StartsWith("Lead #1 is closed (filled)", DiscordAnswers.Text(closed), StringComparison.Ordinal);
        var patch = await rest.WaitForAsync(c => c.Is("PATCH", $"channels/{Jobs}/messages/{post.Id}"), Wait);
        Assert.True(patch.Succeeded);
        Assert.Equal("**Filled: job lead #1, Metadata Librarian** — KU Libraries", patch.BodyString("content"));
        var closedEmbed = Assert.Single(patch.Body!.Value.GetProperty("embeds").EnumerateArray()).GetProperty("description").GetString()!;
        Assert.StartsWith("Closed 2026-11-10: the position has been filled.", closedEmbed, StringComparison.Ordinal);
        Assert.DoesNotContain("https://example.org/jobs/1", closedEmbed, StringComparison.Ordinal);
        Assert.Equal(0, patch.Body.Value.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Single(rest.Edits);
        Assert.Equal(2, rest.Messages.Count);
        Assert.Equal(JobLeadStatus.Filled, (await host.Services.GetRequiredService<IJobLeadStore>().GetLeadAsync(Community, 1))!.Status);

        // A second lead's post is deleted by a moderator; an organiser's close then says it in a follow-up.
        await DiscordAnswers.AnswerCallAsync(gateway, rest, DiscordPayloads.Slash("job", "share", new Dictionary<string, object>
        {
            ["title"] = "Archivist", ["employer"] = "Spencer Library", ["type"] = "temporary", ["location"] = "Lawrence",
        }, user: Sharer));
        var second = await rest.WaitForAsync(c => c.Is("POST", $"channels/{Jobs}/messages") && c.BodyString("content")!.Contains("#2", StringComparison.Ordinal), Wait);
        var secondPost = Assert.Single(rest.Messages, m => m.ChannelId == Jobs && m.Content.Contains("#2", StringComparison.Ordinal));
        rest.DeleteMessage(secondPost.Id);
        await DiscordAnswers.AnswerCallAsync(gateway, rest, DiscordPayloads.Slash("job", "close", new Dictionary<string, object> { ["lead"] = 2, ["reason"] = "withdrawn" }, user: Organiser, permissions: DiscordPayloads.ManageServer));
        Assert.Equal(404, (await rest.WaitForAsync(c => c.Is("PATCH", $"channels/{Jobs}/messages/{secondPost.Id}"), Wait)).Status);
        var followUp = await rest.WaitForAsync(c => c.Is("POST", $"channels/{Jobs}/messages") && c.BodyString("content")!.Contains("is closed", StringComparison.Ordinal), Wait);
        Assert.Equal("Lead #2 **Archivist** — Spencer Library is closed: withdrawn.", followUp.BodyString("content"));
        Assert.True(second.At <= followUp.At);
        Assert.Single(rest.Edits);
    }
}
