using System.Globalization;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Network;
using NetworkingBot.Core.Network.Handlers;

namespace NetworkingBot.NetworkBenchmarks;

/// <summary>
/// The timed operations, the same for every store: the sweep's due query (one batch of 500 as the sweep reads it,
/// and every due nudge at once), /network list page 1 through the store and through the handler, and /network export
/// through the real handler (store reads, names, CsvHelper) and through <see cref="ContactCsv"/> alone.
/// </summary>
public sealed class NetworkMeasurements(INetworkStore store, INetworkDirectory directory, TimeProvider time, string storeName)
{
    private static readonly CommandContext Heavy = new(CommunityId.Parse(Population.Community), "channel", new UserRef(Population.HeavyOwner, "Heavy"), false);

    public async Task RunAsync(int runs)
    {
        var list = new ListHandler(store, directory);
        var export = new ExportHandler(store, directory, time);
        var listRequest = new CommandRequest("network", "list", new Dictionary<string, string>());
        var exportRequest = new CommandRequest("network", "export", new Dictionary<string, string>());
        var log = await store.ListContactsAsync(Population.Community, Population.HeavyOwner, null, 0, int.MaxValue);
        var notes = await store.ListAllNotesAsync(Population.Community, Population.HeavyOwner);

        Console.WriteLine($"{storeName}: median and p95 over {runs} runs after 3 warm-ups, ms");
        Console.WriteLine("| operation | runs | median | p95 | min | max | result |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|---|");
        string[] rows =
        [
            await Timing.MeasureAsync("sweep: next due (limit 1)", 3, runs, async () =>
                $"{(await store.ListDueNudgesAsync(DateTimeOffset.MaxValue, 1))[0].DueAt:u}"),
            await Timing.MeasureAsync("sweep: one batch of due (limit 500)", 3, runs, async () =>
                $"{(await store.ListDueNudgesAsync(time.GetUtcNow(), 500)).Count} nudges"),
            await Timing.MeasureAsync("sweep: every due nudge (1%)", 3, runs, async () =>
                $"{(await store.ListDueNudgesAsync(time.GetUtcNow(), 1_000_000)).Count:N0} nudges"),
            await Timing.MeasureAsync("list page 1: store", 3, runs, async () =>
                $"{(await store.ListContactsAsync(Population.Community, Population.HeavyOwner, null, 0, NetworkLimits.PageSize)).Total:N0} total"),
            await Timing.MeasureAsync("list page 1: ListHandler", 3, runs, async () =>
                Describe(await list.HandleAsync(Heavy, listRequest, CancellationToken.None))),
            await Timing.MeasureAsync("export: ExportHandler", 3, runs, async () =>
                Describe(await export.HandleAsync(Heavy, exportRequest, CancellationToken.None))),
            await Timing.MeasureAsync("export: ContactCsv.Write only", 3, runs, () =>
                Task.FromResult($"{ContactCsv.Write(log.Contacts, notes, c => c.OtherId).Length:N0} bytes")),
        ];
        foreach (var row in rows)
        {
            Console.WriteLine(row);
        }
    }

    /// <summary>Only the export through the handler, for a directory other than the in-memory names (the member store's).</summary>
    public async Task RunExportAsync(int runs, Func<IReadOnlyCollection<string>, Task<int>>? memberRead = null)
    {
        var export = new ExportHandler(store, directory, time);
        var exportRequest = new CommandRequest("network", "export", new Dictionary<string, string>());
        Console.WriteLine($"{storeName}: median and p95 over {runs} runs after 3 warm-ups, ms");
        Console.WriteLine("| operation | runs | median | p95 | min | max | result |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|---|");
        var ids = (await store.ListContactsAsync(Population.Community, Population.HeavyOwner, null, 0, int.MaxValue)).Contacts.Select(c => c.OtherId).ToList();
        Console.WriteLine(await Timing.MeasureAsync("export: ExportHandler", 3, runs, async () =>
            Describe(await export.HandleAsync(Heavy, exportRequest, CancellationToken.None))));
        Console.WriteLine(await Timing.MeasureAsync("export's names only: FindManyAsync", 3, runs, async () =>
            $"{(await directory.FindManyAsync(Population.Community, ids)).Count:N0} names"));
        if (memberRead is not null)
        {
            Console.WriteLine(await Timing.MeasureAsync("the member store's read alone: GetManyAsync", 3, runs, async () =>
                $"{await memberRead(ids):N0} members"));
        }
    }

    // A result the benchmark can see is real: the first line of a reply, or the size of the exported file.
    private static string Describe(CommandResult result) => result switch
    {
        Reply { Files: [var file, ..] } => string.Create(CultureInfo.InvariantCulture, $"{file.Name}, {file.Content.Length:N0} bytes"),
        Reply reply => reply.Body.Split('\n')[0],
        Failure failure => throw new InvalidOperationException($"{failure.Error.Code}: {failure.Error.Message}"),
        _ => throw new InvalidOperationException("unexpected result " + result),
    };
}
