using System.Globalization;
using NetworkingBot.Testing.FakeSlack;

namespace NetworkingBot.DeliveryBenchmarks;

/// <summary>
/// A round through the fake Slack with a round trip. Slack meets a group in one group DM, so a round of N members in
/// pairs makes N/2 conversations.open (Tier 3: 50+ a minute) and N/2 + 1 chat.postMessage. The floor is the open
/// calls at Tier 3's documented 50 a minute; chat.postMessage (about 1 a second per conversation, one post each here)
/// does not bind. The fake enforces no tiers, so the bench checks the calls it saw against them instead: the most
/// calls of each method in any 60-second window.
/// </summary>
internal static class SlackDelivery
{
    public static async Task RunAsync(BenchOptions options)
    {
        await using var slack = await FakeSlackServer.StartAsync();
        var community = $"slack:{SlackEnvelopes.Team}";
        var users = Enumerable.Range(0, options.Members).Select(i => string.Create(CultureInfo.InvariantCulture, $"U{i:D8}")).ToList();
        var store = options.Store(); // one store for both lives: the restart reads what the first kept
        using var host = BenchHosts.Build(store, "--Slack:AppToken=xapp-1-A111-test", "--Slack:BotToken=xoxb-test", $"--Slack:ApiBaseUrl={slack.ApiBaseUrl}", "--Slack:Connections=1");
        await host.StartAsync();
        try
        {
            await slack.NextSocketAsync(TimeSpan.FromSeconds(60));
            await BenchHosts.SeedAsync(host.Services, community, SlackEnvelopes.Channel, users);
            slack.Latency = options.Latency;
            var before = slack.Calls.Count;
            var (took, outcome) = await BenchHosts.RoundAsync(host.Services, community);
            var calls = slack.Calls.Skip(before).ToList();
            var opens = calls.Where(c => c.Method == "conversations.open").ToList();
            var posts = calls.Where(c => c.Method == "chat.postMessage" && c.Ok).ToList();
            var delivery = posts.Max(c => c.At) - calls.Min(c => c.At);
            var floor = TimeSpan.FromMinutes(opens.Count / 50.0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"slack round: {outcome.GetType().Name}; delivery {delivery.TotalSeconds:0.0} s (first call to last intro), floor {floor.TotalSeconds:0.0} s " +
                $"({opens.Count} conversations.open at Tier 3's 50/min), ratio {delivery / floor:0.000}; whole round with planning {took.TotalSeconds:0.0} s; " +
                $"{calls.Count} calls; 429s {calls.Count(c => c.Status == 429)}; most in any 60 s: conversations.open {MostInMinute(opens)}, chat.postMessage {MostInMinute(posts)}"));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static int MostInMinute(List<SlackApiCall> calls)
    {
        var at = calls.Select(c => c.At).Order().ToList();
        var most = 0;
        for (int start = 0, end = 0; end < at.Count; end++)
        {
            while (at[end] - at[start] >= TimeSpan.FromMinutes(1))
            {
                start++;
            }

            most = Math.Max(most, end - start + 1);
        }

        return most;
    }
}
