using System.Diagnostics;
using System.Text.Json;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Storage.Sqlite;
using NetworkingBot.Testing.FakeDiscord;
using Xunit.Abstractions;

namespace NetworkingBot.Tests.Crash;

/// <summary>
/// <see cref="RandomKillTests"/> on Discord: the built bot against the loopback Discord fakes (200 ms round trips,
/// Discord's 50-a-second global limit), SIGKILLed at random instants three times while it delivers a 60-member
/// round, restarted each time, then left to finish. Every member gets exactly one intro DM, the channel one
/// announcement, every member's <see cref="Member.LastRoundAt"/> is the round's. What keeps a message that Discord
/// accepted just before a kill from going out twice is the embed-footer reference the restarted bot reads back.
/// </summary>
[Trait("Category", "Crash")]
public sealed class DiscordRandomKillTests(ITestOutputHelper output)
{
    private const string Organiser = "900";
    private const int Kills = 3;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    // 60 intro DMs and their channel opens at Discord's global pace take about 3 s, a restart about as long again on a
    // loaded machine: kills fall in start-up, catch-up and delivery alike.
    private static readonly TimeSpan KillWindow = TimeSpan.FromSeconds(8);
    private static readonly string[] Members = [.. Enumerable.Range(1, 60).Select(i => (200 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public async Task One_instance_on_SQLite()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("NETWORKINGBOT_KILL_SEED"), out var given) ? given : Random.Shared.Next();
        var random = new Random(seed);
        output.WriteLine($"seed {seed}");
        var path = ShellRunner.TempDb();
        await using var rest = await FakeDiscordRest.StartAsync();
        await using var gateway = await FakeDiscordGateway.StartAsync(TimeSpan.FromSeconds(5));
        rest.GatewayUrl = gateway.Url.ToString();
        rest.Latency = TimeSpan.FromMilliseconds(200);
        rest.GlobalPerSecond = 50;
        string[] args =
        [
            "--db", path, "--Discord:Token=test-token", $"--Discord:ApiBaseUrl={rest.ApiBaseUrl}", "--State:InstanceId=bot-1",
            "--Logging:LogLevel:NetworkingBot=Information",
        ];

        var life = BotProcess.Start(args);
        var everyOutput = new List<string>();
        try
        {
            await gateway.WaitForOpAsync(2, timeout: Wait);
            foreach (var member in Members)
            {
                await AnswerAsync(gateway, rest, () => DiscordPayloads.Slash("coffee", "join", new Dictionary<string, object> { ["tz"] = "UTC" }, user: member));
            }

            var setup = new Dictionary<string, object> { ["channel"] = DiscordPayloads.Channel, ["day"] = "monday", ["time"] = "09:00", ["tz"] = "UTC" };
            await AnswerAsync(gateway, rest, () => DiscordPayloads.Slash("coffee-admin", "setup", setup, user: Organiser, permissions: DiscordPayloads.ManageServer));
            await AnswerAsync(gateway, rest, () => DiscordPayloads.Slash("coffee-admin", "pair-now", user: Organiser, permissions: DiscordPayloads.ManageServer));
            await life.WaitForOutputAsync("planned:", Wait);

            for (var kill = 1; kill <= Kills; kill++)
            {
                var after = random.NextDouble() * KillWindow;
                await Task.Delay(after);
                everyOutput.AddRange(life.Output);
                await life.DisposeAsync();
                output.WriteLine($"kill {kill}: {after.TotalSeconds:F1} s in; {Intros(rest).Count} intro DMs so far");
                life = BotProcess.Start(args);
            }

            if (!everyOutput.Any(l => l.Contains("delivered to", StringComparison.Ordinal)))
            {
                await life.WaitForOutputAsync("delivered to", Wait);
            }
        }
        finally
        {
            everyOutput.AddRange(life.Output);
            await life.DisposeAsync();
        }

        Assert.Single(rest.Messages, m => m.ChannelId == DiscordPayloads.Channel && m.AuthorId is null);
        var twice = Members.Where(m => rest.MessagesTo(m).Count != 1).ToList();
        Assert.True(twice.Count == 0, $"not exactly one intro: {string.Join(", ", twice.Select(m => $"{m} ×{rest.MessagesTo(m).Count}"))}");

        var store = new SqliteStore(new SqliteOptions { Path = path });
        try
        {
            var community = "discord:" + DiscordPayloads.Guild;
            var round = Assert.Single(await store.Rounds.ListAsync(community, 10));
            Assert.Equal(RoundStatus.Delivered, round.Status);
            var members = await store.Members.ListAsync(community);
            Assert.All(Members, id => Assert.Equal(round.ScheduledFor, Assert.Single(members, m => m.UserId == id).LastRoundAt));
        }
        finally
        {
            store.ReleaseConnections();
        }

        output.WriteLine($"{Intros(rest).Count} intro DMs; {rest.Calls.Count(c => c.Is("GET", "channels/"))} channel reads; "
            + $"{everyOutput.Count(l => l.Contains("recorded now, not sent again", StringComparison.Ordinal))} found already sent; {rest.GlobalRateLimited} global 429s");

        // Restarts do not break the pacing either: every request stays inside Discord's global limit.
        Assert.Equal(0, rest.GlobalRateLimited);
    }

    private static List<FakeDiscordRestMessage> Intros(FakeDiscordRest rest) => [.. rest.Messages.Where(m => m.RecipientId is not null)];

    /// <summary>
    /// Dispatches an interaction until the bot answers one (a process just started may still be connecting: Discord
    /// would not deliver to it either, and a member would try again).
    /// </summary>
    private static async Task AnswerAsync(FakeDiscordGateway gateway, FakeDiscordRest rest, Func<JsonElement> interaction)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var payload = interaction();
            var id = payload.GetProperty("id").GetString();
            await gateway.DispatchAsync("INTERACTION_CREATE", payload.GetRawText());
            try
            {
                await rest.WaitForAsync(c => c.Is("POST", $"interactions/{id}/"), TimeSpan.FromSeconds(5));
                return;
            }
            catch (TimeoutException) when (clock.Elapsed < Wait)
            {
            }
        }
    }
}
