using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkingBot.Shell;
using NetworkingBot.Testing;
using NetworkingBot.Testing.FakeSlack;

namespace NetworkingBot.Tests;

/// <summary>
/// My network through the real host (SQLite, Quartz, core, Slack adapter) against the fake Slack: a coffee chat that
/// met, the three nudges once each, the log commands, the export shared in the member's DM, and an introduction in
/// one group DM with the three of them.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class NetworkSlackEndToEndTests
{
    private const string Organiser = "U0ORG009";
    private const string Alice = "U0ALI001";
    private const string Bob = "U0BOB002";
    private const string Carol = "U0CAR003";
    private const string Sam = "U0SAM004";
    private const string HelperBot = "U0BOT005";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private static int _responses;

    [Fact]
    public async Task A_met_chat_gets_each_nudge_once_the_log_exports_into_the_DM_and_an_intro_is_one_group_DM()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        foreach (var (id, name) in new[] { (Alice, "alice"), (Bob, "bob"), (Carol, "carol"), (Sam, "sam"), (Organiser, "org") })
        {
            slack.AddUser(id, timeZone: "America/Chicago", name: name);
        }

        slack.AddUser(HelperBot, name: "helper", isBot: true);
        using var host = PlatformHosts.Slack(slack, Organiser);
        await host.StartAsync();
        try
        {
            var socket = await slack.NextSocketAsync(Wait);
            var time = host.Services.GetRequiredService<ShellTimeTravel>();
            await AskAsync(slack, socket, "setup day:monday time:09:00 tz:UTC cadence:monthly", Organiser, "/coffee");
            foreach (var member in new[] { Alice, Bob })
            {
                Assert.StartsWith("Welcome", await AskAsync(slack, socket, "join interests:archives tz:America/Chicago", member, "/coffee"), StringComparison.Ordinal);
            }

            await AskAsync(slack, socket, "pair-now", Organiser, "/coffee");
            await time.AdvanceAsync(TimeSpan.FromDays(4), CancellationToken.None);
            var checkIn = await slack.WaitForCallAsync("chat.postMessage", c => c.Args.GetValueOrDefault("blocks", "").Contains("checkin", StringComparison.Ordinal)
                && slack.MembersOf(c.Arg("channel")!).SequenceEqual([Alice]), Wait);
            Assert.StartsWith("Wonderful", await PressAsync(slack, socket, checkIn, 0, Alice), StringComparison.Ordinal);

            // A day, a month and three months: each nudge once to each member, as a DM with buttons.
            await time.AdvanceAsync(TimeSpan.FromDays(1), CancellationToken.None);
            await time.AdvanceAsync(TimeSpan.FromDays(30), CancellationToken.None);
            await time.AdvanceAsync(TimeSpan.FromDays(61), CancellationToken.None);
            foreach (var member in new[] { Alice, Bob })
            {
                foreach (var nudge in new[] { "Did you thank", "It's been a month since you met", "You last spoke with" })
                {
                    var sent = Assert.Single(DmsTo(slack, member), c => c.Arg("text")!.StartsWith(nudge, StringComparison.Ordinal));
                    Assert.Contains("\"actions\"", sent.Arg("blocks"), StringComparison.Ordinal);
                }
            }

            var reconnect = DmsTo(slack, Alice).Single(c => c.Arg("text")!.StartsWith("You last spoke with", StringComparison.Ordinal));
            Assert.StartsWith("Noted", await PressAsync(slack, socket, reconnect, 0, Alice), StringComparison.Ordinal);

            // The log: list, a note whose mentions are escaped so they ping nobody, spoke, export shared in the DM.
            Assert.Contains("coffee chat, round 1", await AskAsync(slack, socket, "list", Alice, "/network"), StringComparison.Ordinal);
            await AskAsync(slack, socket, $"note member:<@{Bob}|bob> text:\"Ask about the grant <!everyone> <!here> <@{Carol}>\"", Alice, "/network");
            var show = await AskAsync(slack, socket, $"show member:<@{Bob}|bob>", Alice, "/network");
            Assert.Contains("Ask about the grant", show, StringComparison.Ordinal);
            Assert.DoesNotContain("<!everyone>", show, StringComparison.Ordinal);
            Assert.DoesNotContain("<!here>", show, StringComparison.Ordinal);
            Assert.DoesNotContain($"<@{Carol}>", show, StringComparison.Ordinal);
            Assert.StartsWith("Noted", await AskAsync(slack, socket, $"spoke member:<@{Bob}|bob>", Alice, "/network"), StringComparison.Ordinal);
            Assert.StartsWith("Your network log: 1 contact", await AskAsync(slack, socket, "export", Alice, "/network"), StringComparison.Ordinal);
            await Eventually.TrueAsync(() => slack.SharedFiles.Count == 1, "the export to be shared", Wait);
            var file = Assert.Single(slack.SharedFiles);
            Assert.Equal([Alice], slack.MembersOf(file.ChannelId));
            var csv = Encoding.UTF8.GetString(file.Content).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
            Assert.Equal(2, csv.Length);
            // A byte-order mark first, so spreadsheet programs read it as UTF-8.
            Assert.Equal("\uFEFFmember,how_we_met,first_met,last_spoke,planned,reminders,notes", csv[0]);
            Assert.Contains("Ask about the grant", csv[1], StringComparison.Ordinal);

            // An introduction: one group DM with the three of them, one post, recorded in both logs.
            foreach (var member in new[] { Carol, Sam })
            {
                await AskAsync(slack, socket, "join interests:archives tz:UTC", member, "/coffee");
            }

            await AskAsync(slack, socket, $"first:<@{Alice}|alice> second:<@{Carol}|carol> because:\"you both describe archives\"", Sam, "/intro");
            var three = string.Join(',', new[] { Alice, Carol, Sam }.Order(StringComparer.Ordinal));
            var open = await slack.WaitForCallAsync("conversations.open", c => c.Arg("users") == three, Wait);
            await Eventually.TrueAsync(() => slack.CallsOf("chat.postMessage").Any(c => c.Args.GetValueOrDefault("text", "").Contains("would like to introduce you two", StringComparison.Ordinal)), "the group intro", Wait);
            var intro = Assert.Single(slack.CallsOf("chat.postMessage"), c => c.Args.GetValueOrDefault("text", "").Contains("would like to introduce you", StringComparison.Ordinal));
            Assert.Equal(new[] { Alice, Carol, Sam }.Order(), slack.MembersOf(intro.Arg("channel")!).Order());
            Assert.Single(slack.CallsOf("conversations.open"), c => c.Arg("users") == open.Arg("users"));

            // Alice takes it up: the introducer hears so, once, in a DM of their own.
            await PressAsync(slack, socket, intro, 0, Alice);
            await Eventually.TrueAsync(() => DmsTo(slack, Sam).Count == 1, "the introducer to hear it was taken up", Wait);
            Assert.Contains("will reach out to", Assert.Single(DmsTo(slack, Sam)).Arg("text"), StringComparison.Ordinal);
            Assert.Contains("introduced by", await AskAsync(slack, socket, "list", Carol, "/network"), StringComparison.Ordinal);
            Assert.Contains("introduced by", await AskAsync(slack, socket, "list", Alice, "/network"), StringComparison.Ordinal);

            // A bot and oneself are refused, and nothing is sent for either.
            var posts = slack.CallsOf("chat.postMessage").Count;
            Assert.Contains("That is a bot account", await AskAsync(slack, socket, $"first:<@{Alice}|alice> second:<@{HelperBot}|helper> because:\"a bot\"", Sam, "/intro"), StringComparison.Ordinal);
            Assert.Contains("That is you", await AskAsync(slack, socket, $"first:<@{Sam}|sam> second:<@{Carol}|carol> because:me", Sam, "/intro"), StringComparison.Ordinal);
            Assert.Equal(posts, slack.CallsOf("chat.postMessage").Count);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static List<SlackApiCall> DmsTo(FakeSlackServer slack, string member) =>
        slack.CallsOf("chat.postMessage").Where(c => c.Status == 200 && slack.MembersOf(c.Arg("channel")!).SequenceEqual([member])).ToList();

    private static async Task<string> PressAsync(FakeSlackServer slack, FakeSlackSocket socket, SlackApiCall message, int button, string user)
    {
        var value = message.Json("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "actions").GetProperty("elements")[button].GetProperty("value").GetString()!;
        var id = "press-" + Interlocked.Increment(ref _responses);
        await SendAsync(slack, socket, SlackEnvelopes.ButtonClick(value, user, slack.ResponseUrl(id), message.Arg("channel")!));
        return (await slack.WaitForResponseAsync(id, Wait)).Body.GetProperty("text").GetString()!;
    }

    /// <summary>The answer to a typed command: in the ack when it came in time, else through its response_url.</summary>
    private static async Task<string> AskAsync(FakeSlackServer slack, FakeSlackSocket socket, string text, string user, string command)
    {
        var id = "ask-" + Interlocked.Increment(ref _responses);
        var ack = await SendAsync(slack, socket, SlackEnvelopes.SlashCommand(text, user, slack.ResponseUrl(id), command));
        if (ack.Payload is { } payload && payload.TryGetProperty("text", out var answer))
        {
            return answer.GetString()!;
        }

        return (await slack.WaitForResponseAsync(id, Wait)).Body.GetProperty("text").GetString()!;
    }

    private static async Task<SlackAck> SendAsync(FakeSlackServer slack, FakeSlackSocket socket, JsonObject envelope)
    {
        await socket.SendEnvelopeAsync(envelope);
        return await slack.WaitForAckAsync(envelope["envelope_id"]!.GetValue<string>(), Wait);
    }
}
