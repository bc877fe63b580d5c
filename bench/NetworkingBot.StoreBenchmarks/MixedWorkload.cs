using System.Diagnostics;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Scheduling;

namespace NetworkingBot.StoreBenchmarks;

/// <summary>What one run measured: bot commands and the store calls they made, per second.</summary>
internal sealed record WorkloadResult(int Concurrency, long Commands, long StoreCalls, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double CommandsPerSecond => Commands / Elapsed.TotalSeconds;

    public double StoreCallsPerSecond => StoreCalls / Elapsed.TotalSeconds;
}

/// <summary>
/// The store traffic of a busy community, in the proportions commands cause it: 45% status (read the member and
/// the latest round), 45% join or edit (read, then write the member), 10% pair (claim a round, write its plan,
/// record two deliveries). Callers run concurrently, as commands from many users do.
/// </summary>
internal sealed class MixedWorkload(IMemberStore members, ICoffeeScheduleStore programs, IRoundStore rounds, string community, int memberCount)
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private long _slots;

    public async Task SeedAsync()
    {
        await programs.UpsertAsync(new CoffeeSchedule(community, "general", DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", Cadence.Weekly, 2, 4, new DateOnly(2026, 1, 5), true, T0));
        for (var i = 0; i < memberCount; i++)
        {
            await members.UpsertAsync(MemberOf(i, 0));
        }
    }

    public async Task<WorkloadResult> RunAsync(int concurrency, TimeSpan duration, int seed)
    {
        long commands = 0, calls = 0;
        var latencies = new List<double>[concurrency];
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var random = new Random(seed + worker);
            var mine = latencies[worker] = [];
            while (watch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                var made = await OneCommandAsync(random);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref commands);
                Interlocked.Add(ref calls, made);
            }
        })));
        watch.Stop();
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new WorkloadResult(concurrency, commands, calls, watch.Elapsed, all[all.Count / 2], all[(int)(all.Count * 0.99)]);
    }

    /// <summary>One command's store calls; returns how many it made.</summary>
    private async Task<int> OneCommandAsync(Random random)
    {
        var roll = random.Next(100);
        var user = random.Next(memberCount);
        if (roll < 45)
        {
            _ = await members.GetAsync(community, UserId(user));
            _ = await rounds.ListAsync(community, 1);
            return 2;
        }

        if (roll < 90)
        {
            _ = await members.GetAsync(community, UserId(user));
            await members.UpsertAsync(MemberOf(user, random.Next(1000)));
            return 2;
        }

        var slot = Interlocked.Increment(ref _slots);
        var a = UserId(random.Next(memberCount));
        var b = UserId(random.Next(memberCount));
        var claimed = await rounds.TryClaimAsync(new Round(
            $"bench-{Guid.NewGuid():N}", community, $"manual:{slot}", 0, T0, T0, RoundStatus.Claimed, 1, [], [], T0.AddDays(4)));
        await rounds.UpdateAsync(claimed! with { Status = RoundStatus.Planned, Groups = [new RoundGroup(0, [a, b], "bench")] });
        await rounds.TryRecordDeliveryAsync(claimed.RoundId, $"intro:{a}", T0);
        await rounds.TryRecordDeliveryAsync(claimed.RoundId, $"intro:{b}", T0);
        return 4;
    }

    private static string UserId(int i) => $"u{i:D5}";

    private Member MemberOf(int i, int variant) => new(
        community,
        UserId(i),
        $"Member {i}",
        new MemberProfile(["archives", "metadata", $"tag{variant % 50}"], "America/Chicago", CareerStage.MidCareer, LookingFor.Peer, MeetingFormat.Virtual, null, Cadence.Weekly),
        MemberStatus.Active,
        T0,
        null,
        false,
        0,
        null);
}
