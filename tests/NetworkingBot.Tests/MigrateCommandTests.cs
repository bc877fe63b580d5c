using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Hosting;
using NetworkingBot.Storage.Redis;
using NetworkingBot.Storage.Redis.Client;
using NetworkingBot.Storage.Sqlite;
using NetworkingBot.Testing.StoreContract;
using static NetworkingBot.Testing.StoreContract.StoreSamples;

namespace NetworkingBot.Tests;

/// <summary><c>migrate --from sqlite --to redis</c> copies every record, keeps round numbers, and never overwrites.</summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Only_sqlite_to_redis_is_offered()
    {
        var error = new StringWriter();

        var exit = await MigrateCommand.RunAsync(["--from", "redis", "--to", "sqlite"], TextWriter.Null, error);

        Assert.Equal(2, exit);
        Assert.Contains("from sqlite to redis only", error.ToString(), StringComparison.Ordinal);
    }

    [RedisHostFact]
    public async Task Everything_in_the_file_arrives_in_redis_with_the_same_round_numbers_and_a_second_run_refuses()
    {
        var path = ShellRunner.TempDb();
        var sqlite = new SqliteStore(new SqliteOptions { Path = path });
        await sqlite.Programs.UpsertAsync(Program("c1"));
        var members = new[] { Member("c1", "alice"), Member("c1", "bob") with { Status = MemberStatus.Left }, Member("c3", "nomad") };
        foreach (var member in members)
        {
            await sqlite.Members.UpsertAsync(member);
        }

        var r1 = (await sqlite.Rounds.TryClaimAsync(Round("c1", "s1", Group(0, "alice", "bob"))))!;
        var r2 = (await sqlite.Rounds.TryClaimAsync(Round("c1", "s2") with { Unmatched = ["alice"] }))!;
        var closed = r1 with { Status = RoundStatus.Closed };
        await sqlite.Rounds.UpdateAsync(closed);
        await sqlite.Rounds.TryRecordDeliveryAsync(r1.RoundId, "intro:alice", T0);
        await sqlite.Rounds.TryRecordDeliveryAsync(r1.RoundId, "announce", T0);
        await sqlite.Rounds.SaveCheckInAsync(CheckIn(r1, "bob", CheckInAnswer.Met));
        sqlite.ReleaseConnections();
        var target = $"{RedisHostFactAttribute.Address},prefix=nbmigrate:{Guid.NewGuid():N}:";
        string[] args = ["--from", "sqlite", "--to", "redis", "--db", path, $"--State:Redis:ConnectionString={target}"];
        var output = new StringWriter();

        var exit = await MigrateCommand.RunAsync(args, output, TextWriter.Null);

        Assert.Equal(0, exit);
        Assert.Contains("Copied 1 programs, 3 members, 2 rounds, 2 deliveries and 1 check-ins", output.ToString(), StringComparison.Ordinal);
        await using var connection = new RedisConnection(RedisConnectionOptions.Parse(target));
        var redis = new RedisStore(new RedisDatabase(connection));
        StoreAssert.Same(Program("c1"), await redis.Programs.GetAsync("c1"));
        foreach (var member in members)
        {
            StoreAssert.Same(member, await redis.Members.GetAsync(member.CommunityId, member.UserId));
        }

        StoreAssert.Same(closed, await redis.Rounds.GetAsync(r1.RoundId));
        StoreAssert.Same(r2, await redis.Rounds.GetBySlotAsync("c1", "s2"));
        Assert.Equal(["announce", "intro:alice"], (await redis.Rounds.GetDeliveriesAsync(r1.RoundId)).Order(StringComparer.Ordinal));
        Assert.Equal([CheckIn(r1, "bob", CheckInAnswer.Met)], await redis.Rounds.GetCheckInsAsync(r1.RoundId));
        Assert.Equal(3, (await redis.Rounds.TryClaimAsync(Round("c1", "s3")))?.Number);

        var error = new StringWriter();
        Assert.Equal(3, await MigrateCommand.RunAsync(args, TextWriter.Null, error));
        Assert.Contains("already holds data", error.ToString(), StringComparison.Ordinal);
    }
}
