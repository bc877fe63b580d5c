using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Shell;
using NetworkingBot.Testing.FakeSlack;
using NetworkingBot.Testing;

namespace NetworkingBot.Tests;

/// <summary>The real host (SQLite, Quartz, core, Slack adapter) against a fake Slack: Socket Mode and the Web API on loopback.</summary>
[Collection(HostCollection.Name)]
public sealed class SlackEndToEndTests
{
    private const string Organiser = "UORG0001";
    private const string Community = "slack:" + SlackEnvelopes.Team;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private static readonly string[] Members = ["U0ANA001", "U0BOB002", "U0CAT003", "U0DAN004"];

    [Fact]
    public async Task Members_join_by_command_and_by_form_an_organiser_pairs_them_into_group_DMs_and_a_check_in_is_recorded()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        using var host = PlatformHosts.Slack(slack, Organiser);
        await host.StartAsync();
        try
        {
            var socket = await slack.NextSocketAsync(Wait);
            var members = host.Services.GetRequiredService<IMemberStore>();

            // A typed join is acknowledged within 3 s with the answer, and stored.
            var joined = await SendAsync(slack, socket, SlackEnvelopes.SlashCommand("join interests:archives tz:America/Chicago", Members[0]));
            Assert.True(joined.SinceSent < TimeSpan.FromSeconds(3), $"acked after {joined.SinceSent}");
            Assert.StartsWith("Welcome", joined.Payload!.Value.GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.NotNull(await members.GetAsync(Community, Members[0]));

            // A bare join opens the form; submitting it joins.
            await SendAsync(slack, socket, SlackEnvelopes.SlashCommand("join", Members[1]));
            await slack.WaitForCallAsync("views.open", timeout: Wait);
            await SendAsync(slack, socket, SlackEnvelopes.JoinSubmission(Members[1], new Dictionary<string, string> { ["interests"] = "law, reference", ["tz"] = "Europe/London" }));
            Assert.Equal(["law", "reference"], (await members.GetAsync(Community, Members[1]))!.Profile.Interests);

            foreach (var member in Members[2..])
            {
                await SendAsync(slack, socket, SlackEnvelopes.SlashCommand("join tz:UTC", member));
            }

            await SendAsync(slack, socket, SlackEnvelopes.SlashCommand("setup day:monday time:09:00 tz:UTC", Organiser));
            await SendAsync(slack, socket, SlackEnvelopes.SlashCommand("pair-now", Organiser, responseUrl: slack.ResponseUrl("pair")));

            // One announcement in the channel and one group DM per group.
            await Eventually.TrueAsync(() => slack.CallsOf("chat.postMessage").Count(c => c.Status == 200) == 3, "an announcement and two group intros", Wait);
            Assert.Single(slack.PostsTo(SlackEnvelopes.Channel));
            var groups = slack.CallsOf("conversations.open").Select(c => c.Arg("users")!.Split(',')).ToList();
            Assert.Equal(2, groups.Count);
            Assert.Equal(Members.Order(), groups.SelectMany(g => g).Order());

            // Four days later: check-ins as single DMs with buttons; a click is recorded for the one who clicked.
            await host.Services.GetRequiredService<ShellTimeTravel>().AdvanceAsync(TimeSpan.FromDays(4), CancellationToken.None);
            await Eventually.TrueAsync(() => slack.CallsOf("chat.postMessage").Count(c => c.Status == 200 && c.Args.GetValueOrDefault("blocks", "").Contains("checkin", StringComparison.Ordinal)) == Members.Length, "four check-ins", Wait);
            var anaCheckIn = slack.CallsOf("chat.postMessage").First(c => c.Args.GetValueOrDefault("blocks", "").Contains("checkin", StringComparison.Ordinal)
                && slack.MembersOf(c.Arg("channel")!).SequenceEqual([Members[0]]));
            var met = anaCheckIn.Json("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "actions").GetProperty("elements")[0].GetProperty("value").GetString()!;
            await SendAsync(slack, socket, SlackEnvelopes.ButtonClick(met, Members[0], slack.ResponseUrl("click"), anaCheckIn.Arg("channel")!));
            Assert.StartsWith("Wonderful", (await slack.WaitForResponseAsync("click", Wait)).Body.GetProperty("text").GetString(), StringComparison.Ordinal);

            var rounds = host.Services.GetRequiredService<IRoundStore>();
            var round = Assert.Single(await rounds.ListAsync(Community, 5));
            Assert.Single(await rounds.GetCheckInsAsync(round.RoundId), c => c.UserId == Members[0]);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_refused_app_token_stops_the_bot_with_one_line_that_says_what_to_fix()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        slack.FailNext("apps.connections.open", "invalid_auth");

        var (exit, _, stderr) = await ShellRunner.RunBotAsync(
        [
            "--db", ShellRunner.TempDb(), "--Slack:AppToken=xapp-1-revoked", "--Slack:BotToken=xoxb-test",
            $"--Slack:ApiBaseUrl={slack.ApiBaseUrl}", "--Slack:Connections=1",
        ]);

        Assert.True(exit == 4, $"exit {exit}: {stderr}");
        Assert.Contains("Slack refused the app token (invalid_auth): check Slack__AppToken", stderr, StringComparison.Ordinal);
    }

    private static async Task<SlackAck> SendAsync(FakeSlackServer slack, FakeSlackSocket socket, JsonObject envelope)
    {
        await socket.SendEnvelopeAsync(envelope);
        return await slack.WaitForAckAsync(envelope["envelope_id"]!.GetValue<string>(), Wait);
    }
}
