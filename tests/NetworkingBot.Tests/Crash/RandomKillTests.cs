using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Storage.Redis;
using NetworkingBot.Storage.Redis.Client;
using NetworkingBot.Storage.Sqlite;
using NetworkingBot.Testing.FakeSlack;
using Xunit.Abstractions;

namespace NetworkingBot.Tests.Crash;

/// <summary>
/// Issue 16's fault run, repeated here: two bot processes share a round; at random instants, three times over, one
/// of them or both are SIGKILLed and started again (the instant can fall in planning's aftermath, the announcement,
/// the group opens, a post in flight, the bookkeeping, or the restart itself); then they are left to finish. Every
/// delivery key must reach Slack once, one announcement, every member in exactly one intro, and every member's
/// round bookkeeping (<see cref="Member.LastRoundAt"/>) must be the round's. The seed is printed, so a failing run can
/// be replayed (NETWORKINGBOT_KILL_SEED). About a minute and a half each, hence the trait.
/// </summary>
[Trait("Category", "Crash")]
public sealed class RandomKillTests(ITestOutputHelper output)
{
    private const string Organiser = "UORG0001";
    private const int Kills = 3;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120);

    // 40 members are 20 group DMs: about 20 s of conversations.open at Slack's Tier 3 pace, the window kills fall in.
    private static readonly TimeSpan KillWindow = TimeSpan.FromSeconds(20);
    private static readonly string[] Members = [.. Enumerable.Range(1, 40).Select(i => $"U0K{i:D5}")];

    [Fact]
    public async Task Two_instances_on_SQLite()
    {
        var path = ShellRunner.TempDb();
        await KillAtRandomAsync(["--db", path], async () =>
        {
            var store = new SqliteStore(new SqliteOptions { Path = path });
            try
            {
                return await ReadAsync(store.Members, store.Rounds);
            }
            finally
            {
                store.ReleaseConnections();
            }
        });
    }

    [RedisHostFact]
    public async Task Two_instances_on_Redis()
    {
        var target = $"{RedisHostFactAttribute.Address},prefix=randomkill:{Guid.NewGuid():N}:";
        await KillAtRandomAsync(["--State:Provider=redis", $"--State:Redis:ConnectionString={target}"], async () =>
        {
            await using var connection = new RedisConnection(RedisConnectionOptions.Parse(target));
            var store = new RedisStore(new RedisDatabase(connection));
            return await ReadAsync(store.Members, store.Rounds);
        });
    }

    private static async Task<(IReadOnlyList<Member> Members, IReadOnlyList<Round> Rounds)> ReadAsync(IMemberStore members, IRoundStore rounds)
    {
        var community = "slack:" + SlackEnvelopes.Team;
        return (await members.ListAsync(community), await rounds.ListAsync(community, 10));
    }

    private async Task KillAtRandomAsync(string[] store, Func<Task<(IReadOnlyList<Member> Members, IReadOnlyList<Round> Rounds)>> read)
    {
        var random = CrashRun.Seeded(output);
        await using var slack = await FakeSlackServer.StartAsync();

        // A real round trip's worth, half of it after Slack has taken the call: a kill often finds posts in flight.
        slack.Latency = TimeSpan.FromMilliseconds(200);
        string[] Args(int instance) =>
        [
            .. store, "--Slack:AppToken=xapp-1-A111-test", "--Slack:BotToken=xoxb-test", $"--Slack:ApiBaseUrl={slack.ApiBaseUrl}",
            "--Slack:Connections=1", $"--Slack:OrganiserUserIds:0={Organiser}", $"--State:InstanceId=bot-{instance}",
            "--Logging:LogLevel:NetworkingBot=Information",
        ];

        var lives = new BotProcess?[] { BotProcess.Start(Args(0)), BotProcess.Start(Args(1)) };
        var everyOutput = new List<string>();
        try
        {
            var socket = await slack.NextSocketAsync(Wait);
            await slack.NextSocketAsync(Wait);
            await CrashRun.SendAsync(slack, socket, SlackEnvelopes.SlashCommand("setup day:monday time:09:00 tz:UTC", Organiser), Wait);
            foreach (var member in Members)
            {
                await CrashRun.SendAsync(slack, socket, SlackEnvelopes.SlashCommand("join tz:UTC", member), Wait);
            }

            await CrashRun.SendAsync(slack, socket, SlackEnvelopes.SlashCommand("pair-now", Organiser), Wait);
            await CrashRun.WaitForAnyAsync(lives, "planned:", Wait);

            for (var kill = 1; kill <= Kills; kill++)
            {
                var after = random.NextDouble() * KillWindow;
                await Task.Delay(after);
                int[] victims = random.Next(3) switch { 0 => [0], 1 => [1], _ => [0, 1] };
                foreach (var victim in victims)
                {
                    everyOutput.AddRange(lives[victim]!.Output);
                    await lives[victim]!.DisposeAsync();
                    lives[victim] = null;
                }

                output.WriteLine($"kill {kill}: {after.TotalSeconds:F1} s in, instance(s) {string.Join(" and ", victims)}; {CrashRun.Accepted(slack).Count} round posts so far");
                foreach (var victim in victims)
                {
                    lives[victim] = BotProcess.Start(Args(victim));
                }
            }

            // Left alone now: the round finishes in whichever life holds it, unless an earlier life already finished it.
            if (!everyOutput.Any(l => l.Contains("delivered to", StringComparison.Ordinal)))
            {
                await CrashRun.WaitForAnyAsync(lives, "delivered to", Wait);
            }
        }
        finally
        {
            foreach (var life in lives)
            {
                if (life is not null)
                {
                    everyOutput.AddRange(life.Output);
                    await life.DisposeAsync();
                }
            }
        }

        AssertDeliveredOnce(slack);
        var (members, rounds) = await read();
        var round = Assert.Single(rounds);
        Assert.True(round.Status == RoundStatus.Delivered, $"round {round.RoundId} is {round.Status}");
        var wrong = Members.Select(id => members.Single(m => m.UserId == id)).Where(m => m.LastRoundAt != round.ScheduledFor).ToList();
        Assert.True(wrong.Count == 0, $"LastRoundAt is not the round's ({round.ScheduledFor:O}) for {string.Join(", ", wrong.Select(m => $"{m.UserId}: {m.LastRoundAt:O}"))}");
        output.WriteLine($"{CrashRun.Accepted(slack).Count} round posts, {slack.CallsOf("conversations.history").Count} look-ups; "
            + $"{everyOutput.Count(l => l.Contains("recorded now, not sent again", StringComparison.Ordinal))} found already sent");
    }

    private static void AssertDeliveredOnce(FakeSlackServer slack)
    {
        var keys = CrashRun.Accepted(slack).Select(p => p.DeliveryKey!).ToList();
        var twice = keys.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"posted more than once: {string.Join(", ", twice)}; all posts in order: {string.Join(", ", keys)}");
        Assert.Single(keys, k => k.EndsWith(":announce", StringComparison.Ordinal));
        var intros = CrashRun.Accepted(slack).Where(p => p.DeliveryKey!.Contains(":intro-group:", StringComparison.Ordinal)).ToList();
        Assert.All(Members, member => Assert.Single(intros, p => slack.MembersOf(p.Arg("channel")!).Contains(member)));
    }


}
