using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Testing.FakeSlack;
using NetworkingBot.Testing;

namespace NetworkingBot.Tests;

/// <summary>/job through the real host (SQLite, Quartz, core, Slack adapter) against the fake Slack.</summary>
[Collection(HostCollection.Name)]
public sealed class JobLeadsSlackEndToEndTests
{
    private const string Organiser = "UORG0001";
    private const string Sharer = "U0ANA001";
    private const string Subscriber = "U0BOB002";
    private const string Jobs = "C0JOBS";
    private const string Community = "slack:" + SlackEnvelopes.Team;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_shared_lead_is_posted_once_without_pings_DMed_to_the_subscriber_and_closing_it_updates_that_message()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        using var host = PlatformHosts.Slack(slack, Organiser);
        await host.StartAsync();
        try
        {
            var socket = await slack.NextSocketAsync(Wait);
            await SendAsync(slack, socket, SlackEnvelopes.SlashCommand($"setup channel:{Jobs}", Organiser, command: "/job"));
            await SendAsync(slack, socket, SlackEnvelopes.SlashCommand("subscribe delivery:instant", Subscriber, command: "/job"));
            var shared = await SendAsync(slack, socket, SlackEnvelopes.SlashCommand(
                "share title:\"Metadata Librarian\" employer:\"KU Libraries\" type:full-time remote:yes link:https://example.org/jobs/1 note:\"Great team @everyone <!channel> <!subteam^S1|@librarians> apply!\"",
                Sharer, command: "/job"));
            Assert.Contains("Lead #1", shared.Payload!.Value.GetProperty("text").GetString(), StringComparison.Ordinal);

            // One post in the jobs channel, as blocks that can ping nobody, and one DM to the subscriber.
            await Eventually.TrueAsync(() => slack.CallsOf("chat.postMessage").Count(c => c.Ok) == 2, "the lead's post and one DM", Wait);
            var post = Assert.Single(slack.PostsTo(Jobs));
            var blocks = post.Json("blocks").EnumerateArray().ToList();
            Assert.Equal("New job lead #1: Metadata Librarian — KU Libraries", blocks[0].GetProperty("text").GetProperty("text").GetString());
            Assert.Contains("Great team", post.Arg("blocks"), StringComparison.Ordinal);
            foreach (var ping in new[] { "@everyone", "<!channel>", "<!subteam" })
            {
                Assert.DoesNotContain(ping, post.Arg("blocks"), StringComparison.Ordinal);
                Assert.DoesNotContain(ping, post.Arg("text"), StringComparison.Ordinal);
            }

            Assert.Equal("none", post.Arg("parse"));
            var dm = Assert.Single(slack.CallsOf("chat.postMessage"), c => c.Arg("channel") != Jobs);
            Assert.Equal([Subscriber], slack.MembersOf(dm.Arg("channel")!));
            Assert.Contains("#1 Metadata Librarian", dm.Arg("text"), StringComparison.Ordinal);
            var lead = await host.Services.GetRequiredService<IJobLeadStore>().GetLeadAsync(Community, 1);
            Assert.StartsWith($"{Jobs}/", lead!.PostRef, StringComparison.Ordinal);

            // The sharer closes it as filled: chat.update on the same message; no new post.
            var closed = await SendAsync(slack, socket, SlackEnvelopes.SlashCommand("close lead:1 reason:filled", Sharer, command: "/job"));
            Assert.StartsWith("Lead #1 is closed (filled)", closed.Payload!.Value.GetProperty("text").GetString(), StringComparison.Ordinal);
            var update = Assert.Single(slack.UpdatesIn(Jobs));
            Assert.Equal(lead.PostRef, $"{Jobs}/{update.Arg("ts")}");
            Assert.Equal("none", update.Arg("parse"));
            var updated = update.Json("blocks").EnumerateArray().ToList();
            Assert.Equal("Filled: job lead #1, Metadata Librarian — KU Libraries", updated[0].GetProperty("text").GetProperty("text").GetString());
            Assert.StartsWith("Closed 2026-11-10: the position has been filled.", updated[1].GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("https://example.org/jobs/1", update.Arg("blocks"), StringComparison.Ordinal);
            Assert.Single(slack.PostsTo(Jobs));
            Assert.Equal(2, slack.CallsOf("chat.postMessage").Count);
            Assert.Equal(JobLeadStatus.Filled, (await host.Services.GetRequiredService<IJobLeadStore>().GetLeadAsync(Community, 1))!.Status);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task<SlackAck> SendAsync(FakeSlackServer slack, FakeSlackSocket socket, JsonObject envelope)
    {
        await socket.SendEnvelopeAsync(envelope);
        return await slack.WaitForAckAsync(envelope["envelope_id"]!.GetValue<string>(), Wait);
    }
}
