using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Discord.Client;
using NetworkingBot.Testing.FakeDiscord;
using NetworkingBot.Testing.FakeSlack;

namespace NetworkingBot.DeliveryBenchmarks;

/// <summary>
/// How fast each adapter acknowledges a burst of interactions: <see cref="BenchOptions.Concurrent"/> members ask
/// <c>/coffee status</c> at once (on Slack, or type <see cref="BenchOptions.AckCommand"/>: a join writes to the store),
/// five bursts, with the same round trip on the REST side as the delivery runs. Discord: from the gateway dispatch
/// to the interaction callback reaching the fake; Slack: from the envelope sent to its ack.
/// A first burst warms the process (JIT, connection pools, SQLite's first reads) and is reported apart, not counted.
/// </summary>
internal static class Acknowledgements
{
    private const int Bursts = 5;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(BenchOptions options)
    {
        var raised = new List<TimeSpan>();
        Print("discord", await DiscordAsync(options, raised));
        Print("discord (dispatch to Discord.Net's event)", raised);
        Print($"slack (/coffee {options.AckCommand})", await SlackAsync(options));
    }

    /// <param name="raised">
    /// Filled with the time from the dispatch to Discord.Net raising InteractionCreated (a handler of the bench's
    /// own beside the adapter's): the part of an answer's time spent reading the gateway.
    /// </param>
    private static async Task<List<TimeSpan>> DiscordAsync(BenchOptions options, List<TimeSpan> raised)
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        await using var gateway = await FakeDiscordGateway.StartAsync(TimeSpan.FromSeconds(30));
        rest.GatewayUrl = gateway.Url.ToString();
        var users = Enumerable.Range(0, options.Concurrent).Select(i => (320000000000000000L + i).ToString(CultureInfo.InvariantCulture)).ToList();
        using var host = BenchHosts.Build(options.Store(), ["--Discord:Token=bench-token", $"--Discord:ApiBaseUrl={rest.ApiBaseUrl}"]);
        await host.StartAsync();
        var samples = new List<TimeSpan>();
        try
        {
            await rest.WaitForAsync(c => c.Is("PUT", "applications/"), Patience);
            await BenchHosts.SeedAsync(host.Services, $"discord:{DiscordPayloads.Guild}", DiscordPayloads.Channel, users);
            var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset>();
            host.Services.GetRequiredService<DiscordConnection>().Client.InteractionCreated += interaction =>
            {
                seen[interaction.Id.ToString(CultureInfo.InvariantCulture)] = DateTimeOffset.UtcNow;
                return Task.CompletedTask;
            };
            await ReadyAsync(gateway, rest, users[0]);
            rest.Latency = options.Latency;
            rest.GlobalPerSecond = options.GlobalPerSecond;
            for (var burst = 0; burst <= Bursts; burst++)
            {
                var counted = burst > 0 ? samples : [];
                var sent = await Task.WhenAll(users.Select(async user =>
                {
                    var interaction = DiscordPayloads.Slash("coffee", "status", user: user);
                    var at = DateTimeOffset.UtcNow;
                    await gateway.DispatchAsync("INTERACTION_CREATE", interaction.GetRawText());
                    return (Id: interaction.GetProperty("id").GetString()!, At: at);
                }));
                foreach (var (id, at) in sent)
                {
                    var callback = await rest.WaitForAsync(c => c.Is("POST", $"interactions/{id}/"), Patience);
                    counted.Add(callback.At - at);
                    if (burst > 0 && seen.TryGetValue(id, out var raisedAt))
                    {
                        raised.Add(raisedAt - at);
                    }
                }
            }
        }
        finally
        {
            await host.StopAsync();
        }

        return samples;
    }

    /// <summary>The registration can precede the session's READY by a moment: asks until one interaction is answered.</summary>
    private static async Task ReadyAsync(FakeDiscordGateway gateway, FakeDiscordRest rest, string user)
    {
        await gateway.WaitForOpAsync(2, timeout: Patience); // IDENTIFY: the session exists from here
        for (var attempt = 0; ; attempt++)
        {
            var probe = DiscordPayloads.Slash("coffee", "status", user: user);
            await gateway.DispatchAsync("INTERACTION_CREATE", probe.GetRawText());
            try
            {
                await rest.WaitForAsync(c => c.Is("POST", $"interactions/{probe.GetProperty("id").GetString()}/"), TimeSpan.FromSeconds(2));
                return;
            }
            catch (TimeoutException) when (attempt < 15)
            {
            }
        }
    }

    private static async Task<List<TimeSpan>> SlackAsync(BenchOptions options)
    {
        await using var slack = await FakeSlackServer.StartAsync();
        var users = Enumerable.Range(0, options.Concurrent).Select(i => string.Create(CultureInfo.InvariantCulture, $"U{i:D8}")).ToList();
        using var host = BenchHosts.Build(options.Store(), "--Slack:AppToken=xapp-1-A111-test", "--Slack:BotToken=xoxb-test", $"--Slack:ApiBaseUrl={slack.ApiBaseUrl}", "--Slack:Connections=1");
        await host.StartAsync();
        var samples = new List<TimeSpan>();
        try
        {
            var socket = await slack.NextSocketAsync(Patience);
            await BenchHosts.SeedAsync(host.Services, $"slack:{SlackEnvelopes.Team}", SlackEnvelopes.Channel, users);
            slack.Latency = options.Latency;
            for (var burst = 0; burst <= Bursts; burst++)
            {
                var counted = burst > 0 ? samples : [];
                // A join writes only for someone not yet a member: each burst of joins comes from members never seen.
                var senders = options.AckCommand.StartsWith("join", StringComparison.Ordinal)
                    ? users.Select(user => string.Create(CultureInfo.InvariantCulture, $"{user}B{burst}")).ToList()
                    : users;
                var envelopes = senders.Select(user => SlackEnvelopes.SlashCommand(options.AckCommand, user)).ToList();
                await Task.WhenAll(envelopes.Select(e => socket.SendEnvelopeAsync(e)));
                foreach (var envelope in envelopes)
                {
                    counted.Add((await slack.WaitForAckAsync(envelope["envelope_id"]!.GetValue<string>(), Patience)).SinceSent);
                }
            }

            // The answers ride in the acks; a run whose joins were refused would time something else.
            var members = await host.Services.GetRequiredService<IMemberStore>().ListAsync($"slack:{SlackEnvelopes.Team}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slack: {members.Count} members in the store after the bursts"));
        }
        finally
        {
            await host.StopAsync();
        }

        return samples;
    }

    private static void Print(string platform, List<TimeSpan> samples)
    {
        var ms = samples.Select(s => s.TotalMilliseconds).Order().ToList();
        double At(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{platform} acknowledgement, {samples.Count} interactions in {Bursts} bursts of {samples.Count / Bursts} after a warm-up burst: p50 {At(0.50):0} ms, p99 {At(0.99):0} ms, max {ms[^1]:0} ms"));
    }
}
