using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Hosting;
using NetworkingBot.Shell;
using NetworkingBot.Testing;
using NetworkingBot.Testing.FakeSlack;
using Xunit.Abstractions;

namespace NetworkingBot.Tests.Supervision;

/// <summary>
/// A restarted Slack bot answers commands at once while the catch-up waits, in the background, for a lease a
/// crashed instance left on the community; the owed round goes out once when the lease is gone.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class CommandsFirstAfterRestartTests(ITestOutputHelper output)
{
    private const string Organiser = "UORG0001";
    private const string Community = "slack:" + SlackEnvelopes.Team;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    // Tuesday noon; the program is set up for Wednesday 09:00, and the bot comes back at 09:05 that Wednesday.
    private static readonly DateTimeOffset SetUpAt = new(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RestartAt = new(2026, 11, 11, 9, 5, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_restarted_bot_answers_a_command_within_10_s_while_the_catch_up_waits_for_a_crashed_instances_lease()
    {
        var db = ShellRunner.TempDb();
        await using (var before = await FakeSlackServer.StartAsync())
        {
            using var first = Host(before, db, SetUpAt);
            await first.StartAsync();
            var socket = await before.NextSocketAsync(Wait);
            await SendAsync(before, socket, SlackEnvelopes.SlashCommand("join tz:UTC", "U0ANA001"));
            await SendAsync(before, socket, SlackEnvelopes.SlashCommand("join tz:UTC", "U0BOB002"));
            await SendAsync(before, socket, SlackEnvelopes.SlashCommand("setup day:wednesday time:09:00 tz:UTC", Organiser));
            await first.StopAsync();
        }

        // The crashed instance's lock on the community, 40 s left on the restarted bot's (frozen) clock: the
        // catch-up of Wednesday's missed round cannot take it until it is gone.
        await ExecuteAsync(db, "INSERT INTO leases (name, owner, expires_at) VALUES (@name, 'crashed-instance', @expires);",
            ("@name", "lock:" + Community), ("@expires", RestartAt.AddSeconds(40).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)));

        await using var slack = await FakeSlackServer.StartAsync();
        using var host = Host(slack, db, RestartAt);
        var started = Stopwatch.StartNew();
        using (var startTimeout = new CancellationTokenSource(Wait))
        {
            await host.StartAsync(startTimeout.Token);
        }

        try
        {
            var socket = await slack.NextSocketAsync(Wait);
            var status = await SendAsync(slack, socket, SlackEnvelopes.SlashCommand("status", "U0ANA001"));
            var answeredAfter = started.Elapsed;
            output.WriteLine($"first command answered {answeredAfter.TotalMilliseconds:F0} ms after start");
            Assert.True(answeredAfter < TimeSpan.FromSeconds(10), $"first command answered {answeredAfter} after start");
            Assert.NotNull(status.Payload);
            Assert.Empty(slack.PostsTo(SlackEnvelopes.Channel));

            // The lease runs out (here: is removed); the waiting catch-up delivers the round, once.
            await ExecuteAsync(db, "DELETE FROM leases WHERE owner = 'crashed-instance';");
            var rounds = host.Services.GetRequiredService<IRoundStore>();
            await Eventually.TrueAsync(async () => (await rounds.ListAsync(Community, 10)).Any(r => r.Status == RoundStatus.Delivered), "the missed round delivered", Wait);
            Assert.Single(await rounds.ListAsync(Community, 10));
            Assert.Single(slack.PostsTo(SlackEnvelopes.Channel));
            Assert.Single(slack.CallsOf("conversations.open"));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static IHost Host(FakeSlackServer slack, string db, DateTimeOffset clock) => BotHost.Build(ShellArguments.Parse(
    [
        "--db", db, "--Slack:AppToken=xapp-1-A111-test", "--Slack:BotToken=xoxb-test",
        $"--Slack:ApiBaseUrl={slack.ApiBaseUrl}", "--Slack:Connections=1", $"--Slack:OrganiserUserIds:0={Organiser}",
    ]), TextWriter.Null, new ShellClock(clock));

    private static async Task<SlackAck> SendAsync(FakeSlackServer slack, FakeSlackSocket socket, JsonObject envelope)
    {
        await socket.SendEnvelopeAsync(envelope);
        return await slack.WaitForAckAsync(envelope["envelope_id"]!.GetValue<string>(), Wait);
    }

    private static async Task ExecuteAsync(string db, string sql, params (string Name, string Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
