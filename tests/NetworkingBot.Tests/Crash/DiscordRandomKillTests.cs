using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Storage.Sqlite;
using NetworkingBot.Testing.FakeDiscord;
using Xunit.Abstractions;

namespace NetworkingBot.Tests.Crash;

/// <summary>
/// <see cref="RandomKillTests"/> on Discord: the built bot against the loopback Discord fakes (200 ms round trips,
/// Discord's 50-a-second global limit), SIGKILLed at random instants three times while it delivers a 150-member
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

    // 150 intro DMs and their channel opens at Discord's global pace take about 6 s, a restart 2-4 s: kills fall in
    // start-up, catch-up and delivery alike. (A restarted process may meet a global 429 or two: its pace starts afresh
    // while the dead one's last second still counts at Discord. Discord.Net waits them out; the count is printed.)
    private static readonly TimeSpan KillWindow = TimeSpan.FromSeconds(6);
    private static readonly string[] Members = [.. Enumerable.Range(1, 150).Select(i => (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public async Task One_instance_on_SQLite()
    {
        var random = CrashRun.Seeded(output);
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
                await DiscordAnswers.UntilAnsweredAsync(gateway, rest, () => DiscordPayloads.Slash("coffee", "join", new Dictionary<string, object> { ["tz"] = "UTC" }, user: member), Wait);
            }

            var setup = new Dictionary<string, object> { ["channel"] = DiscordPayloads.Channel, ["day"] = "monday", ["time"] = "09:00", ["tz"] = "UTC" };
            await DiscordAnswers.UntilAnsweredAsync(gateway, rest, () => DiscordPayloads.Slash("coffee-admin", "setup", setup, user: Organiser, permissions: DiscordPayloads.ManageServer), Wait);
            await DiscordAnswers.UntilAnsweredAsync(gateway, rest, () => DiscordPayloads.Slash("coffee-admin", "pair-now", user: Organiser, permissions: DiscordPayloads.ManageServer), Wait);
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
            Assert.True(round.Status == RoundStatus.Delivered, $"round {round.RoundId} is {round.Status}");
            var members = await store.Members.ListAsync(community);
            var wrong = Members.Select(id => members.Single(m => m.UserId == id)).Where(m => m.LastRoundAt != round.ScheduledFor).ToList();
            Assert.True(wrong.Count == 0, $"LastRoundAt is not the round's ({round.ScheduledFor:O}) for {string.Join(", ", wrong.Select(m => $"{m.UserId}: {m.LastRoundAt:O}"))}");
        }
        finally
        {
            store.ReleaseConnections();
        }

        output.WriteLine($"{Intros(rest).Count} intro DMs; {rest.Calls.Count(c => c.Is("GET", "channels/"))} channel reads; "
            + $"{everyOutput.Count(l => l.Contains("recorded now, not sent again", StringComparison.Ordinal))} found already sent; {rest.GlobalRateLimited} global 429s");

    }

    private static List<FakeDiscordRestMessage> Intros(FakeDiscordRest rest) => [.. rest.Messages.Where(m => m.RecipientId is not null)];
}
