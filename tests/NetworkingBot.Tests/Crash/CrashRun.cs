using System.Diagnostics;
using System.Text.Json.Nodes;
using NetworkingBot.Testing.FakeSlack;
using Xunit.Abstractions;

namespace NetworkingBot.Tests.Crash;

/// <summary>What the process-killing tests share: their seed, their Slack commands and what Slack accepted.</summary>
internal static class CrashRun
{
    /// <summary>A seed for the kill instants, printed, and taken from NETWORKINGBOT_KILL_SEED when set (to replay a run).</summary>
    public static Random Seeded(ITestOutputHelper output)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("NETWORKINGBOT_KILL_SEED"), out var given) ? given : Random.Shared.Next();
        output.WriteLine($"seed {seed}");
        return new Random(seed);
    }

    /// <summary>Round posts Slack accepted (including any whose answer it held), in order; command replies left out.</summary>
    public static List<SlackApiCall> Accepted(FakeSlackServer slack) =>
        slack.CallsOf("chat.postMessage").Where(c => c.Ok && c.DeliveryKey is not null && !c.DeliveryKey.StartsWith("reply", StringComparison.Ordinal)).ToList();

    /// <summary>Sends an envelope on the socket and waits for the bot's ack of it.</summary>
    public static async Task SendAsync(FakeSlackServer slack, FakeSlackSocket socket, JsonObject envelope, TimeSpan wait)
    {
        await socket.SendEnvelopeAsync(envelope);
        await slack.WaitForAckAsync(envelope["envelope_id"]!.GetValue<string>(), wait);
    }

    /// <summary>Waits until a line of any running process's output contains <paramref name="text"/>; fails with all their output.</summary>
    public static async Task WaitForAnyAsync(IReadOnlyList<BotProcess?> processes, string text, TimeSpan wait)
    {
        var clock = Stopwatch.StartNew();
        while (!processes.Any(p => p is not null && p.Output.Any(l => l.Contains(text, StringComparison.Ordinal))))
        {
            if (clock.Elapsed > wait)
            {
                throw new TimeoutException($"No \"{text}\" after {clock.Elapsed}:\n{string.Join("\n---\n", processes.Select(p => string.Join('\n', p?.Output ?? [])))}");
            }

            await Task.Delay(100);
        }
    }
}
