using System.Text.Json;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Testing.FakeSlack;

namespace NetworkingBot.Slack.Tests;

/// <summary>/job on Slack: the share form, field errors next to their fields, the lead's blocks, and no special mentions from member text.</summary>
public sealed class JobCommandTests
{
    private const string Jobs = "C0JOBS";

    private static async Task<(SlackTestHost Host, FakeSlackSocket Socket)> StartWithBoardAsync()
    {
        var host = await SlackTestHost.StartAsync();
        host.Slack.AddUser(SlackTestHost.Organiser, isAdmin: true);
        var socket = await host.Slack.NextSocketAsync();
        var ack = await host.SendAsync(socket, SlackEnvelopes.SlashCommand($"setup channel:{Jobs}", SlackTestHost.Organiser, command: "/job"));
        Assert.Contains("Job leads are set", ack.Payload!.Value.GetProperty("text").GetString(), StringComparison.Ordinal);
        return (host, socket);
    }

    private static Task<IReadOnlyList<JobLead>> LeadsAsync(SlackTestHost host) =>
        host.Get<IJobLeadStore>().ListLeadsAsync(SlackTestHost.Community, DateTimeOffset.MinValue);

    [Fact]
    public async Task Bare_share_opens_the_form_and_its_submission_posts_the_lead_as_blocks_with_a_header()
    {
        var (host, socket) = await StartWithBoardAsync();
        await using var _ = host;

        var ack = await host.SendAsync(socket, SlackEnvelopes.SlashCommand("share", "U0ANA001", command: "/job", triggerId: "trigger-9"));
        Assert.Null(ack.Payload);
        var view = (await host.Slack.WaitForCallAsync("views.open")).Json("view");
        Assert.Equal("job_share", view.GetProperty("callback_id").GetString());
        Assert.Equal(12, view.GetProperty("blocks").GetArrayLength());

        var submitted = await host.SendAsync(socket, SlackEnvelopes.JoinSubmission("U0ANA001",
            new Dictionary<string, string> { ["title"] = "Metadata Librarian", ["employer"] = "KU Libraries", ["location"] = "Lawrence", ["note"] = "Line one\nline two", ["link"] = "" },
            new Dictionary<string, string> { ["type"] = "full-time", ["unposted"] = "yes" }, callbackId: "job_share"));

        Assert.Equal("update", submitted.Payload!.Value.GetProperty("response_action").GetString());
        var lead = Assert.Single(await LeadsAsync(host));
        Assert.Equal(("Line one\nline two", true, JobType.FullTime), (lead.Note, lead.Unposted, lead.Type));
        var post = await host.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == Jobs);
        var blocks = post.Json("blocks").EnumerateArray().ToList();
        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        Assert.Equal("New job lead #1: Metadata Librarian — KU Libraries", blocks[0].GetProperty("text").GetProperty("text").GetString());
        Assert.Contains(JobTexts.HeadsUp, blocks[1].GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submission_with_bad_fields_is_answered_under_each_field_and_stores_nothing()
    {
        var (host, socket) = await StartWithBoardAsync();
        await using var _ = host;

        var ack = await host.SendAsync(socket, SlackEnvelopes.JoinSubmission("U0ANA001",
            new Dictionary<string, string> { ["title"] = "Cataloger", ["link"] = "javascript:alert(document.cookie)", ["deadline"] = "2001-01-01" },
            new Dictionary<string, string> { ["type"] = "part-time", ["remote"] = "yes" }, callbackId: "job_share"));

        var payload = ack.Payload!.Value;
        Assert.Equal("errors", payload.GetProperty("response_action").GetString());
        var errors = payload.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value.GetString());
        Assert.Equal(["deadline", "employer", "link"], errors.Keys.Order());
        Assert.Contains("http(s)", errors["link"], StringComparison.Ordinal);
        Assert.Empty(await LeadsAsync(host));
        Assert.Empty(host.Slack.PostsTo(Jobs));
    }

    [Fact]
    public async Task Special_mentions_typed_into_every_field_are_not_special_when_they_reach_Slack()
    {
        var (host, socket) = await StartWithBoardAsync();
        await using var _ = host;
        // As Slack sends slash-command text: & < > escaped.
        const string Ping = "&lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;!subteam^S0TEAM|@librarians&gt; &lt;@U0BOB002&gt; @channel";

        var ack = await host.SendAsync(socket, SlackEnvelopes.SlashCommand(
            $"share title:\"{Ping}\" employer:\"{Ping}\" location:\"{Ping}\" salary:\"&lt;!here&gt; &lt;!channel&gt;\" note:\"{Ping}\" type:volunteer tags:x", "U0ANA001", command: "/job"));
        Assert.Contains("Lead #1", ack.Payload!.Value.GetProperty("text").GetString(), StringComparison.Ordinal);

        var post = await host.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == Jobs);
        var blocks = string.Join('\n', Strings(post.Json("blocks")));
        var everything = post.Arg("text") + blocks;
        Assert.Contains("Where: ", blocks, StringComparison.Ordinal);
        foreach (var special in new[] { "<!channel>", "<!here>", "<!everyone>", "<!subteam", "<@U0BOB002>", "@channel" })
        {
            Assert.DoesNotContain(special, everything, StringComparison.Ordinal);
        }

        Assert.Contains("Shared by <@U0ANA001>", blocks, StringComparison.Ordinal);
        Assert.Equal("false", post.Arg("link_names")?.ToLowerInvariant());
    }

    /// <summary>Every string in a JSON tree, decoded (the serialised form escapes '&lt;' as \u003C).</summary>
    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    [Fact]
    public async Task List_subscribe_and_help_answer_as_ephemeral_replies()
    {
        var (host, socket) = await StartWithBoardAsync();
        await using var _ = host;

        var subscribed = await host.SendAsync(socket, SlackEnvelopes.SlashCommand("subscribe tags:metadata delivery:daily", "U0BOB002", command: "/job"));
        var list = await host.SendAsync(socket, SlackEnvelopes.SlashCommand("list", "U0BOB002", command: "/job"));

        Assert.Contains("You're subscribed", subscribed.Payload!.Value.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("ephemeral", list.Payload!.Value.GetProperty("response_type").GetString());
        Assert.Contains("no open job leads", list.Payload!.Value.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.NotNull(await host.Get<IJobLeadStore>().GetSubscriptionAsync(SlackTestHost.Community, "U0BOB002"));
    }
}
