using System.Globalization;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.DeliveryBenchmarks;

/// <summary>
/// A round through the fake Discord with a round trip and a global limit, then a second round after a restart on the
/// same SQLite file (DM channels from the store). The floor is what Discord's documented global limit allows: every
/// call the round must make (the announcement, a DM open per member not yet kept, an intro per member) at 50 a second.
/// </summary>
internal static class DiscordDelivery
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(BenchOptions options)
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        await using var gateway = await FakeDiscordGateway.StartAsync(TimeSpan.FromSeconds(30));
        rest.GatewayUrl = gateway.Url.ToString();
        rest.MessageWindow = TimeSpan.FromSeconds(5); // Discord's 5 messages per 5 s per channel
        var community = $"discord:{DiscordPayloads.Guild}";
        var users = Enumerable.Range(0, options.Members).Select(i => (310000000000000000L + i).ToString(CultureInfo.InvariantCulture)).ToList();
        var store = options.Store(); // one store for both lives: the restart reads what the first kept
        string[] settings = ["--Discord:Token=bench-token", $"--Discord:ApiBaseUrl={rest.ApiBaseUrl}"];

        for (var round = 1; round <= 2; round++)
        {
            using var host = BenchHosts.Build(store, settings);
            await host.StartAsync();
            try
            {
                // Registration follows READY: from here on the round's calls are the only traffic. Each life reads the
                // live command set back; only the first finds it differs and writes it.
                await rest.WaitForCountAsync(c => c.Method == "GET" && c.Path.StartsWith("applications/", StringComparison.Ordinal) && c.Path.EndsWith("/commands", StringComparison.Ordinal), round, Patience);
                if (round == 1)
                {
                    await rest.WaitForAsync(c => c.Is("PUT", "applications/"), Patience);
                }

                if (round == 1)
                {
                    await BenchHosts.SeedAsync(host.Services, community, DiscordPayloads.Channel, users);
                }

                rest.Latency = options.Latency;
                rest.GlobalPerSecond = options.GlobalPerSecond;
                var before = rest.Calls.Count;
                var messagesBefore = rest.Messages.Count;
                var global429Before = rest.GlobalRateLimited;
                var (took, outcome) = await BenchHosts.RoundAsync(host.Services, community);
                var calls = rest.Calls.Skip(before).ToList();
                Report(options, round, took, outcome.GetType().Name, calls, rest.GlobalRateLimited - global429Before);
                ReportIntros(users, rest.Messages.Skip(messagesBefore).ToList());
                if (options.Detail)
                {
                    Detail(calls);
                }

                rest.Latency = TimeSpan.Zero;
                rest.GlobalPerSecond = null;
            }
            finally
            {
                await host.StopAsync();
            }
        }
    }

    /// <summary>
    /// Where the time went: calls a 2-second slice (DM opens/messages/other), and the gaps between calls longer than
    /// two spacings at 48/s, the time the paced requests had nobody waiting.
    /// </summary>
    private static void Detail(List<FakeDiscordRestCall> calls)
    {
        var at = calls.Select(c => c.At).Order().ToList();
        var t0 = at[0];
        static bool Open(FakeDiscordRestCall c) => c.Path == "users/@me/channels";
        static bool Post(FakeDiscordRestCall c) => c.Path.EndsWith("/messages", StringComparison.Ordinal);
        Console.WriteLine("  per 2 s (opens/messages/other): " + string.Join(" ", calls.GroupBy(c => (int)((c.At - t0).TotalSeconds / 2)).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count(Open)}/{g.Count(Post)}/{g.Count(c => !Open(c) && !Post(c))}"))));
        var gaps = at.Zip(at.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToList();
        var idle = gaps.Where(g => g > 2 * 1000.0 / 48).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  gaps over two spacings: {idle.Count}, {idle.Sum(g => g - 1000.0 / 48) / 1000:0.0} s beyond the spacing; longest {gaps.Max():0} ms"));
    }

    /// <summary>Every member's intro exactly once: the DMs the round sent, counted per member.</summary>
    private static void ReportIntros(List<string> users, List<FakeDiscordRestMessage> messages)
    {
        var dms = messages.Where(m => m.RecipientId is not null).GroupBy(m => m.RecipientId!).ToDictionary(g => g.Key, g => g.Count());
        var once = users.Count(u => dms.GetValueOrDefault(u) == 1);
        var twice = users.Count(u => dms.GetValueOrDefault(u) > 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  intros: {once} of {users.Count} members exactly once, {twice} more than once, {users.Count - once - twice} none; {messages.Count - dms.Values.Sum()} channel messages"));
    }

    private static void Report(BenchOptions options, int round, TimeSpan took, string outcome, List<FakeDiscordRestCall> calls, int global429)
    {
        var opens = calls.Count(c => c.Is("POST", "users/@me/channels") && c.Succeeded);
        var posts = calls.Where(c => c.Is("POST", "channels/") && c.Path.EndsWith("/messages", StringComparison.Ordinal) && c.Succeeded).ToList();
        var first = calls.Min(c => c.At);
        var last = posts.Max(c => c.At);
        var needed = 1 + opens + options.Members; // what the round cannot do without: its opens, one intro each, the announcement
        var floor = TimeSpan.FromSeconds(needed / (double)options.GlobalPerSecond);
        var delivery = last - first;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"discord round {round} ({(round == 1 ? "first" : "after a restart")}): {outcome}; delivery {delivery.TotalSeconds:0.0} s (first call to last intro), " +
            $"floor {floor.TotalSeconds:0.0} s ({needed} calls at {options.GlobalPerSecond}/s), ratio {delivery / floor:0.000}; whole round with planning {took.TotalSeconds:0.0} s; " +
            $"{calls.Count} calls: {opens} DM opens, {posts.Count} messages; 429s {calls.Count(c => c.Status == 429)} (global {global429})"));
    }
}
