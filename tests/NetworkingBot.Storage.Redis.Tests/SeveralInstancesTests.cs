using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Storage.Redis.Tests;

/// <summary>
/// Two instances on one Redis, and Redis failing under a round: every round happens once, every member gets
/// exactly one intro and one check-in, also when two instances resume or check in on the same round at once.
/// </summary>
public sealed class SeveralInstancesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 9, 15, 5, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Slot = Now.AddMinutes(-5);

    [RedisFact]
    public async Task Ten_rounds_fired_at_once_on_two_instances_run_once_each_and_deliver_once()
    {
        var shared = $"{RedisServer.Address},prefix={RedisServer.NewPrefix()}";
        var (sentByA, sentByB) = (new RecordingMessenger(), new RecordingMessenger());
        await using var a = new CoreInstance(shared, sentByA, Now);
        await using var b = new CoreInstance(shared, sentByB, Now);
        var communities = Enumerable.Range(0, 10).Select(i => $"console:c{i}").ToList();
        foreach (var community in communities)
        {
            await a.SeedCommunityAsync(community, 10, Now);
        }

        var outcomes = await Task.WhenAll(communities.SelectMany(c => new[]
        {
            Task.Run(() => a.RunScheduledAsync(c, Slot)),
            Task.Run(() => b.RunScheduledAsync(c, Slot)),
        }));

        Assert.Equal(10, outcomes.Count(o => o is RoundOutcome.Ran));
        Assert.Equal(10, outcomes.Count(o => o is RoundOutcome.AlreadyClaimed));
        var sent = sentByA.Sent.Concat(sentByB.Sent).ToList();
        foreach (var community in communities)
        {
            var round = Assert.Single(await a.Store.Rounds.ListAsync(community, 10));
            Assert.Equal(RoundStatus.Delivered, round.Status);
            Assert.Single(sent, m => m.Kind == MessageKind.Channel && m.CommunityId == community);
            for (var i = 0; i < 10; i++)
            {
                Assert.Single(sent, m => m.Kind == MessageKind.Direct && m.CommunityId == community && m.UserId == $"u{i:D4}");
            }
        }
    }

    [RedisFact]
    public async Task A_round_one_instance_could_not_finish_is_finished_by_the_other_without_repeats()
    {
        var shared = $"{RedisServer.Address},prefix={RedisServer.NewPrefix()}";
        var (sentByA, sentByB) = (new RecordingMessenger(), new RecordingMessenger());
        await using var a = new CoreInstance(shared, sentByA, Now);
        await using var b = new CoreInstance(shared, sentByB, Now);
        await a.SeedCommunityAsync("console:c", 40, Now);
        sentByA.FailAfter(15);

        Assert.IsType<RoundOutcome.Retrying>(await a.RunScheduledAsync("console:c", Slot));
        await b.CatchUpAsync();

        Assert.Equal(15, sentByA.Sent.Count);
        var sent = sentByA.Sent.Concat(sentByB.Sent).ToList();
        Assert.Single(sent, m => m.Kind == MessageKind.Channel);
        Assert.All(Enumerable.Range(0, 40), i => Assert.Single(sent, m => m.Kind == MessageKind.Direct && m.UserId == $"u{i:D4}"));
        Assert.Equal(RoundStatus.Delivered, Assert.Single(await b.Store.Rounds.ListAsync("console:c", 10)).Status);
    }

    [RedisFact]
    public async Task Two_instances_resuming_the_same_interrupted_round_at_once_deliver_each_intro_once()
    {
        var shared = $"{RedisServer.Address},prefix={RedisServer.NewPrefix()}";
        var crashed = new RecordingMessenger();
        var (sentByB, sentByC) = (new RecordingMessenger(), new RecordingMessenger());
        await using var a = new CoreInstance(shared, crashed, Now);
        await using var b = new CoreInstance(shared, new SlowMessenger(sentByB, TimeSpan.FromMilliseconds(10)), Now);
        await using var c = new CoreInstance(shared, new SlowMessenger(sentByC, TimeSpan.FromMilliseconds(10)), Now);
        await a.SeedCommunityAsync("console:c", 40, Now);
        crashed.FailAfter(15);
        Assert.IsType<RoundOutcome.Retrying>(await a.RunScheduledAsync("console:c", Slot));

        // Both start up at once and find the same half-delivered round.
        await Task.WhenAll(Task.Run(b.CatchUpAsync), Task.Run(c.CatchUpAsync));

        var sent = crashed.Sent.Concat(sentByB.Sent).Concat(sentByC.Sent).ToList();
        Assert.Equal(41, sent.Count);
        Assert.Single(sent, m => m.Kind == MessageKind.Channel);
        Assert.All(Enumerable.Range(0, 40), i => Assert.Single(sent, m => m.Kind == MessageKind.Direct && m.UserId == $"u{i:D4}"));
        Assert.Equal(RoundStatus.Delivered, Assert.Single(await b.Store.Rounds.ListAsync("console:c", 10)).Status);
    }

    [RedisFact]
    public async Task Two_instances_firing_the_same_check_in_at_once_send_each_check_in_once()
    {
        var shared = $"{RedisServer.Address},prefix={RedisServer.NewPrefix()}";
        var (sentByA, sentByB) = (new RecordingMessenger(), new RecordingMessenger());
        await using var a = new CoreInstance(shared, new SlowMessenger(sentByA, TimeSpan.FromMilliseconds(10)), Now);
        await using var b = new CoreInstance(shared, new SlowMessenger(sentByB, TimeSpan.FromMilliseconds(10)), Now);
        await a.SeedCommunityAsync("console:c", 40, Now);
        var round = Assert.IsType<RoundOutcome.Ran>(await a.RunScheduledAsync("console:c", Slot)).Round;
        sentByA.Clear();

        // Each instance armed its own check-in trigger for the round; both fire together.
        await Task.WhenAll(Task.Run(() => a.SendCheckInsAsync(round.RoundId)), Task.Run(() => b.SendCheckInsAsync(round.RoundId)));

        var checkIns = sentByA.Sent.Concat(sentByB.Sent).ToList();
        Assert.Equal(40, checkIns.Count);
        Assert.All(Enumerable.Range(0, 40), i => Assert.Single(checkIns, m => m.UserId == $"u{i:D4}" && m.DedupKey.EndsWith($":checkin:u{i:D4}", StringComparison.Ordinal)));
        Assert.Equal(RoundStatus.CheckInSent, (await a.Store.Rounds.GetAsync(round.RoundId))!.Status);
    }

    [RedisFact]
    public async Task A_connection_killed_mid_delivery_fails_or_delays_the_run_and_after_catch_up_every_member_has_one_intro()
    {
        var messenger = new RecordingMessenger();
        await using var admin = new Client.RedisConnection(RedisServer.Options(",allowAdmin=true"));
        var name = $"nbkill-{Guid.NewGuid():N}";
        var killer = new TriggerMessenger(messenger, 100, () => KillClientsNamedAsync(admin, name));
        await using var instance = new CoreInstance($"{RedisServer.Address},prefix={RedisServer.NewPrefix()},name={name}", killer, Now);
        await instance.SeedCommunityAsync("console:c", 300, Now);

        var round = await RunThenCatchUpAsync(instance);

        AssertDeliveredOnce(round, messenger, 300);
        Assert.Equal(2, instance.Connection.ConnectCount);
        Assert.Equal(301, (await instance.Store.Rounds.GetDeliveriesAsync(round.RoundId)).Count);
    }

    [RedisFact]
    public async Task A_redis_restart_mid_delivery_of_500_members_fails_or_delays_the_run_and_after_catch_up_every_member_has_one_intro()
    {
        await using var server = await PrivateRedisServer.StartAsync();
        var messenger = new RecordingMessenger();
        Task? restarted = null;
        var restarter = new TriggerMessenger(messenger, 200, async () =>
        {
            await server.KillAsync();
            restarted = Task.Run(async () =>
            {
                await Task.Delay(500);
                await server.RestartAsync();
            });
        });
        await using var instance = new CoreInstance($"{server.Address},prefix=nb:", restarter, Now);
        await instance.SeedCommunityAsync("console:c", 500, Now);

        var round = await RunThenCatchUpAsync(instance, () => restarted!);

        AssertDeliveredOnce(round, messenger, 500);
        Assert.True(instance.Connection.ConnectCount >= 2, $"the library reconnected ({instance.Connection.ConnectCount})");
        Assert.Equal(501, (await instance.Store.Rounds.GetDeliveriesAsync(round.RoundId)).Count);
    }

    /// <summary>
    /// Runs the slot. StackExchange.Redis fails a command that was in flight when its connection dropped (it does
    /// not send it again), so the run may end in that error; the host's catch-up then finishes the round, as it does
    /// five minutes later in production. Returns the round as stored at the end.
    /// </summary>
    private static async Task<Round> RunThenCatchUpAsync(CoreInstance instance, Func<Task>? serverBack = null)
    {
        try
        {
            await instance.RunScheduledAsync("console:c", Slot);
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisConnectionException or StackExchange.Redis.RedisTimeoutException)
        {
            // Expected: the fault hit a command in flight.
        }

        if (serverBack is not null)
        {
            await serverBack();
        }

        await instance.CatchUpAsync();
        return Assert.Single(await instance.Store.Rounds.ListAsync("console:c", 10));
    }

    /// <summary>Kills the server side of every connection the library opened under <paramref name="name"/>.</summary>
    private static async Task KillClientsNamedAsync(Client.RedisConnection admin, string name)
    {
        var clients = (await admin.ExecuteAsync(["CLIENT", "LIST"])).AsString() ?? "";
        foreach (var line in clients.Split('\n').Where(l => l.Contains($" name={name} ", StringComparison.Ordinal)))
        {
            var id = System.Text.RegularExpressions.Regex.Match(line, @"\bid=(\d+)").Groups[1].Value;
            await admin.ExecuteAsync(["CLIENT", "KILL", "ID", id]);
        }
    }

    private static void AssertDeliveredOnce(Round round, RecordingMessenger messenger, int members)
    {
        Assert.Equal(RoundStatus.Delivered, round.Status);
        Assert.Single(messenger.ChannelPosts);
        var intros = messenger.DirectMessages.GroupBy(m => m.UserId!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(members, intros.Count);
        Assert.All(intros, pair => Assert.Equal(1, pair.Value));
    }
}
