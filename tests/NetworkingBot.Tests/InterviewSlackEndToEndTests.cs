using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Shell;
using NetworkingBot.Testing.FakeSlack;

namespace NetworkingBot.Tests;

/// <summary>Interviews through the real host (SQLite, Quartz, core, Slack adapter) against a fake Slack.</summary>
[Collection(HostCollection.Name)]
public sealed class InterviewSlackEndToEndTests
{
    private const string Community = "slack:" + SlackEnvelopes.Team;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_unanswered_ask_times_out_the_next_volunteer_accepts_by_button_and_both_meet_in_one_group_DM()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        using var host = PlatformHosts.Slack(slack);
        await host.StartAsync();
        try
        {
            var socket = await slack.NextSocketAsync(Wait);
            var store = host.Services.GetRequiredService<IInterviewStore>();
            await SendAsync(slack, socket, SlackEnvelopes.SlashCommand("offer specialties:law role:\"Law librarian\" capacity:1", "U0ANN001", command: "/interview"));
            await SendAsync(slack, socket, SlackEnvelopes.SlashCommand("offer specialties:law,archives role:Archivist", "U0BEA002", command: "/interview"));
            var asked = await SendAsync(slack, socket, SlackEnvelopes.SlashCommand("request specialties:law learn:\"What is a law library like?\"", "U0REQ003", command: "/interview"));
            Assert.Contains("I've asked a volunteer", asked.Payload!.Value.GetProperty("text").GetString(), StringComparison.Ordinal);
            var request = Assert.Single(await store.ListRequestsAsync(Community));
            var first = request.VolunteerId!;
            var second = first == "U0ANN001" ? "U0BEA002" : "U0ANN001";

            // Nobody answers for 72 hours: Quartz's clock moves, the stored timeout fires, the other volunteer is asked.
            await host.Services.GetRequiredService<ShellTimeTravel>().AdvanceAsync(TimeSpan.FromHours(72), CancellationToken.None);
            Assert.Equal(second, (await store.GetRequestAsync(request.RequestId))!.VolunteerId);
            var ask = await slack.WaitForCallAsync("chat.postMessage", c => c.Args.GetValueOrDefault("blocks", "").Contains("answer:accept", StringComparison.Ordinal)
                && slack.MembersOf(c.Arg("channel")!).SequenceEqual([second]), Wait);
            var accept = ask.Json("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "actions").GetProperty("elements")[0].GetProperty("value").GetString()!;

            await SendAsync(slack, socket, SlackEnvelopes.ButtonClick(accept, second, slack.ResponseUrl("accept"), ask.Arg("channel")!));
            Assert.StartsWith("Thank you!", (await slack.WaitForResponseAsync("accept", Wait)).Body.GetProperty("text").GetString(), StringComparison.Ordinal);
            var users = string.Join(',', new[] { "U0REQ003", second }.Order(StringComparer.Ordinal));
            await slack.WaitForCallAsync("conversations.open", c => c.Arg("users") == users, Wait);
            await slack.WaitForCallAsync("chat.postMessage", c => c.Args.GetValueOrDefault("text", "").Contains("accepted your informational interview", StringComparison.Ordinal), Wait);
            Assert.Equal(RequestStatus.Accepted, (await store.GetRequestAsync(request.RequestId))!.Status);
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
