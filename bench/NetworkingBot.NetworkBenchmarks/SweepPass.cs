using System.Diagnostics;
using System.Globalization;
using NetworkingBot.Core.Network;

namespace NetworkingBot.NetworkBenchmarks;

/// <summary>
/// One whole pass of the sweep's store traffic, as <c>NetworkDueWork.RunDueAsync</c> makes it: a batch of 500 due
/// nudges, taken 25 owners at a time, until a batch comes back short. Messages, names and leases are left out (they are not the
/// store's index). The pass consumes what is due, so it runs once and then schedules the taken nudges again, untimed,
/// leaving the store as it found it for the next run.
/// </summary>
public static class SweepPass
{
    private const int Batch = 500;

    public static async Task<string> RunOnceAsync(INetworkStore store, DateTimeOffset now)
    {
        var finding = TimeSpan.Zero;
        var taken = new List<NetworkNudge>();
        var batches = 0;
        var total = Stopwatch.StartNew();
        while (true)
        {
            var find = Stopwatch.StartNew();
            var due = await store.ListDueNudgesAsync(now, Batch);
            finding += find.Elapsed;
            batches++;
            // Taken as the sweep takes them: the nudges of 25 owners in one store write.
            foreach (var owners in due.GroupBy(n => (n.CommunityId, n.OwnerId)).Chunk(25))
            {
                taken.AddRange(await store.TakeNudgesAsync([.. owners.SelectMany(o => o)]));
            }

            if (due.Count < Batch)
            {
                break;
            }
        }

        var elapsed = total.Elapsed;
        foreach (var nudge in taken)
        {
            await store.ScheduleNudgeAsync(nudge);
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"Sweep pass (once): {taken.Count:N0} nudges in {batches} batches; finding them (the due queries) {finding.TotalMilliseconds:N0} ms, with taking each {elapsed.TotalMilliseconds:N0} ms");
    }
}
