using NetworkingBot.Testing.FakeSlack;
using NetworkingBot.Testing;

namespace NetworkingBot.Slack.Tests;

/// <summary>
/// Slack asking every new socket to go again at once (a refresh loop, or too_many_websockets) must not open sockets
/// as fast as the Web API allows: each replacement waits a doubling delay, measured on injected time.
/// </summary>
public sealed class ReconnectStormTests
{
    private static readonly TimeSpan[] Expected = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(8)];

    [Theory]
    [InlineData("refresh_requested")]
    [InlineData("warning")]
    [InlineData("too_many_websockets")]
    public async Task A_disconnect_right_after_every_hello_backs_off_doubling_up_to_the_maximum(string reason)
    {
        var clock = new TimerWatchingClock();
        await using var host = await SlackTestHost.StartAsync(
            time: clock,
            fake: slack => slack.DisconnectAfterHello = reason,
            configure: s =>
            {
                s["ReconnectDelay"] = "00:00:01";
                s["MaxReconnectDelay"] = "00:00:08";
            });

        for (var k = 0; k < Expected.Length; k++)
        {
            var socket = await host.Slack.NextSocketAsync();
            // The slot has started waiting once a timer of a backoff length exists beyond the ones already advanced past.
            await Eventually.TrueAsync(() => Backoffs(clock).Count > k, what: $"backoff {k + 1}");
            Assert.Equal(Expected[k], Backoffs(clock)[k]);
            Assert.Equal(k + 1, host.Slack.SocketsOpened);
            if (reason == "too_many_websockets")
            {
                // Slack has too many sockets: this one is closed now, not kept for a grace period.
                await socket.Closed.WaitAsync(TimeSpan.FromSeconds(10));
            }

            clock.Advance(Expected[k]);
        }

        await host.Slack.NextSocketAsync();
        var opens = host.Slack.CallsOf("apps.connections.open").Select(c => c.At).ToList();
        Assert.Equal(Expected, opens.Zip(opens.Skip(1), (a, b) => b - a));
    }

    // The refresh grace (15 s) and the hello wait are timers too; the backoffs are the ones of 8 s or less.
    private static List<TimeSpan> Backoffs(TimerWatchingClock clock) =>
        clock.Timers.Where(t => t > TimeSpan.Zero && t <= TimeSpan.FromSeconds(8)).ToList();
}
