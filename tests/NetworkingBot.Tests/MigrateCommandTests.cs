using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Core.Network;
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

    [Fact]
    public async Task A_file_that_is_not_a_database_is_named_and_nothing_is_copied()
    {
        var db = ShellRunner.TempDb();
        Directory.CreateDirectory(Path.GetDirectoryName(db)!);
        await File.WriteAllTextAsync(db, string.Concat(Enumerable.Repeat("not a database\n", 500)));
        var error = new StringWriter();

        var exit = await MigrateCommand.RunAsync(["--from", "sqlite", "--to", "redis", "--db", db, "--State:Redis:ConnectionString=127.0.0.1:1"], TextWriter.Null, error);

        Assert.Equal(3, exit);
        Assert.Contains("is not a SQLite database or is damaged", error.ToString(), StringComparison.Ordinal);
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

    [RedisHostFact]
    public async Task Interviews_and_job_leads_arrive_with_their_numbers_and_a_second_run_refuses_and_duplicates_nothing()
    {
        var path = ShellRunner.TempDb();
        await using (var services = new ServiceCollection().AddSqliteStore(o => o.Path = path).BuildServiceProvider())
        {
            var interviews = services.GetRequiredService<IInterviewStore>();
            await interviews.UpsertOfferAsync(InterviewStoreContractTests.Offer("vera"));
            await interviews.UpsertOfferAsync(InterviewStoreContractTests.Offer("walt", "c2") with { Status = OfferStatus.Paused });
            await interviews.AddRequestAsync(Request1);
            await interviews.TryUpdateRequestAsync(Request1.Next() with { Status = RequestStatus.Accepted, AcceptedAt = T0, DueAt = T0.AddDays(7) });
            await interviews.AddRequestAsync(InterviewStoreContractTests.Request("r2", "c2"));
            await interviews.AddNetworkEntryAsync(Met("rita", "vera"));
            await interviews.AddNetworkEntryAsync(Met("vera", "rita"));

            var jobs = services.GetRequiredService<IJobLeadStore>();
            await jobs.UpsertBoardAsync(Board);
            var first = await jobs.AddLeadAsync(JobLeadStoreContractTests.Lead("First", community: "c1"));
            await jobs.UpdateLeadAsync(first with { Status = JobLeadStatus.Filled, ClosedAt = T0, ClosedBy = "org", PostRef = "jobs/1" });
            await jobs.AddLeadAsync(JobLeadStoreContractTests.Lead("Second", first.SharedAt.AddDays(1), community: "c1"));
            await jobs.UpsertSubscriptionAsync(Subscription("amy", JobLeadDelivery.Instant));
            await jobs.UpsertSubscriptionAsync(Subscription("zed", JobLeadDelivery.Daily));
            await jobs.TryRecordDeliveryAsync("c1", "amy", 1, T0);
            await jobs.TryRecordDeliveryAsync("c1", "amy", 2, T0);
            await jobs.TryRecordDeliveryAsync("c1", "gone", 2, T0);
            services.GetRequiredService<SqliteStore>().ReleaseConnections();
        }

        var target = $"{RedisHostFactAttribute.Address},prefix=nbmigrate:{Guid.NewGuid():N}:";
        string[] args = ["--from", "sqlite", "--to", "redis", "--db", path, $"--State:Redis:ConnectionString={target}"];
        var output = new StringWriter();

        Assert.Equal(0, await MigrateCommand.RunAsync(args, output, TextWriter.Null));

        Assert.Contains(
            "2 interview offers, 2 interview requests and 2 network entries; 1 job boards, 2 job leads, 2 job subscriptions and 3 job deliveries",
            output.ToString(), StringComparison.Ordinal);
        await using var connection = new RedisConnection(RedisConnectionOptions.Parse(target));
        var redis = new RedisStore(new RedisDatabase(connection));
        await AssertCopiedAsync(redis);

        var error = new StringWriter();
        Assert.Equal(3, await MigrateCommand.RunAsync(args, TextWriter.Null, error));
        Assert.Contains("already holds data", error.ToString(), StringComparison.Ordinal);
        await AssertCopiedAsync(redis);
        Assert.Equal(3, (await redis.JobLeads.AddLeadAsync(JobLeadStoreContractTests.Lead("Third", community: "c1"))).Number);
    }

    [RedisHostFact]
    public async Task A_members_network_arrives_whole_and_a_second_run_refuses_and_duplicates_nothing()
    {
        var path = ShellRunner.TempDb();
        NetworkContact planned = new("c1", "ana", "sam", "coffee chat, round 2", T0, T0, RemindersOn: false, Planned: true),
            held = new("c1", "ana", "kim", "informational interview", T0.AddDays(-40), T0.AddDays(-3));
        NetworkNote first = new("c1", "ana", "sam", T0.AddHours(1), "likes archives"), second = new("c1", "ana", "sam", T0.AddHours(1), "same instant, written second");
        NetworkNudge nudge = new("c1", "ana", "kim", NudgeKind.MonthLater, T0.AddDays(27));
        IntroRecord intro = new("c1", "lee", "ana", "kim", T0);
        NetworkSettings quiet = new("c1", "lee", NudgesOn: false, IntrosOn: true);
        await using (var services = new ServiceCollection().AddSqliteStore(o => o.Path = path).BuildServiceProvider())
        {
            var network = services.GetRequiredService<INetworkStore>();
            await network.RecordMeetingAsync(planned);
            await network.RecordMeetingAsync(held);
            await network.RecordMeetingAsync(held with { OtherId = "gone" });
            await network.ForgetMemberAsync("c1", "gone");
            await network.AddNoteAsync(first);
            await network.AddNoteAsync(second);
            await network.ScheduleNudgeAsync(nudge);
            await network.AddIntroAsync(intro);
            await network.SaveSettingsAsync(quiet);
            services.GetRequiredService<SqliteStore>().ReleaseConnections();
        }

        var target = $"{RedisHostFactAttribute.Address},prefix=nbmigrate:{Guid.NewGuid():N}:";
        string[] args = ["--from", "sqlite", "--to", "redis", "--db", path, $"--State:Redis:ConnectionString={target}"];
        var output = new StringWriter();

        Assert.Equal(0, await MigrateCommand.RunAsync(args, output, TextWriter.Null));

        Assert.Contains("3 network contacts, 2 network notes, 1 network nudges, 1 network settings and 1 introductions", output.ToString(), StringComparison.Ordinal);
        await using var connection = new RedisConnection(RedisConnectionOptions.Parse(target));
        var redis = new RedisStore(new RedisDatabase(connection));
        async Task AssertNetworkAsync()
        {
            var log = await redis.Network.ListContactsAsync("c1", "ana", null, 0, 10);
            Assert.Equal(3, log.Total);
            Assert.Equal([planned, held], log.Contacts.Where(c => !c.FormerMember));
            var former = Assert.Single(log.Contacts, c => c.FormerMember);
            Assert.Equal(held with { OtherId = former.OtherId, FormerMember = true }, former);
            Assert.Equal([first, second], await redis.Network.ListAllNotesAsync("c1", "ana"));
            Assert.Equal([nudge], await redis.Network.ListDueNudgesAsync(T0.AddDays(30), 10));
            Assert.Equal([intro], await redis.Network.ListIntrosSinceAsync("c1", "lee", DateTimeOffset.MinValue));
            Assert.Equal(quiet, await redis.Network.GetSettingsAsync("c1", "lee"));
        }

        await AssertNetworkAsync();

        var error = new StringWriter();
        Assert.Equal(3, await MigrateCommand.RunAsync(args, TextWriter.Null, error));
        Assert.Contains("already holds data", error.ToString(), StringComparison.Ordinal);
        await AssertNetworkAsync();
    }

    private static readonly InterviewRequest Request1 = InterviewStoreContractTests.Request("r1", due: T0.AddHours(72));

    private static readonly JobBoard Board = new("c1", "jobs", DayOfWeek.Friday, new TimeOnly(16, 30), "Europe/London", T0, T0);

    private static NetworkEntry Met(string user, string other) => new("c1", user, other, "interview", "r1", T0.AddDays(8));

    private static JobSubscription Subscription(string user, JobLeadDelivery delivery) =>
        new("c1", user, ["metadata"], ["remote"], [JobType.FullTime], delivery, "UTC", T0, T0);

    /// <summary>Everything the interview and job-lead test file held, once each, in the Redis store.</summary>
    private static async Task AssertCopiedAsync(RedisStore redis)
    {
        // Records holding lists compare lists by reference; compare the stored offer by value.
        Assert.Equal(JsonSerializer.Serialize(InterviewStoreContractTests.Offer("vera")), JsonSerializer.Serialize(await redis.Interviews.GetOfferAsync("c1", "vera")));
        Assert.Equal(OfferStatus.Paused, (await redis.Interviews.GetOfferAsync("c2", "walt"))!.Status);
        var request = (await redis.Interviews.GetRequestAsync("r1"))!;
        Assert.Equal((RequestStatus.Accepted, 1, T0.AddDays(7)), (request.Status, request.Version, request.DueAt));
        Assert.Equal(["r2"], (await redis.Interviews.ListRequestsAsync("c2")).Select(r => r.RequestId));
        Assert.Equal(T0.AddDays(7), await redis.Interviews.NextDueAsync());
        Assert.Equal([Met("rita", "vera")], await redis.Interviews.ListNetworkAsync("c1", "rita"));
        Assert.Equal([Met("vera", "rita")], await redis.Interviews.ListNetworkAsync("c1", "vera"));

        Assert.Equal(Board, await redis.JobLeads.GetBoardAsync("c1"));
        var leads = await redis.JobLeads.ListLeadsAsync("c1", DateTimeOffset.MinValue);
        Assert.Equal([(2, "Second", JobLeadStatus.Open, (string?)null), (1, "First", JobLeadStatus.Filled, "jobs/1")], leads.Select(l => (l.Number, l.Title, l.Status, l.PostRef)));
        Assert.Equal(("org", T0), (leads[1].ClosedBy, leads[1].ClosedAt));
        Assert.Equal(["amy"], (await redis.JobLeads.ListSubscriptionsAsync("c1", JobLeadDelivery.Instant)).Select(s => s.UserId));
        Assert.Equal(["zed"], (await redis.JobLeads.ListSubscriptionsAsync("c1", JobLeadDelivery.Daily)).Select(s => s.UserId));
        Assert.Equal([1, 2], (await redis.JobLeads.GetDeliveriesAsync("c1", "amy")).Order());
        Assert.Equal([2], (await redis.JobLeads.GetDeliveriesAsync("c1", "gone")).Order());
    }
}
