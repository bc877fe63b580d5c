using System.Text.Json;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Slack.Rendering;
using NetworkingBot.Testing.FakeSlack;
using NetworkingBot.Testing;

namespace NetworkingBot.Slack.Tests;

/// <summary>
/// An answer too large for the ack (Slack closes the socket on a frame over 20 KiB, then resends the command, which is
/// acked empty as a duplicate) is acked empty and sent after, in parts: through the response_url, or as DMs.
/// </summary>
public sealed class LargeAnswerTests
{
    [Fact]
    public async Task A_large_export_is_acked_small_and_arrives_through_the_response_url_in_parts()
    {
        await using var host = await SlackTestHost.StartAsync();
        var socket = await host.Slack.NextSocketAsync();
        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("join interests:archives tz:UTC", "U0EXP001"));
        await SeedRoundsAsync(host, "U0EXP001", 60);

        var ack = await host.SendAsync(socket, SlackEnvelopes.SlashCommand("export-me", "U0EXP001", host.Slack.ResponseUrl("export"), command: "/networking"));
        await Eventually.TrueAsync(() => host.Slack.ResponsesFor("export").Count >= 2);

        Assert.Null(ack.Payload);
        var parts = host.Slack.ResponsesFor("export");
        Assert.InRange(parts.Count, 2, SlackLimits.ResponseUrlPosts);
        Assert.All(parts, p => AssertFitsOneMessage(p.Body));
        var whole = string.Concat(parts.Select(p => p.Body.GetProperty("text").GetString()));
        Assert.All(Enumerable.Range(1, 60), n => Assert.Contains($"\"round\": {n},", whole, StringComparison.Ordinal));
        Assert.Contains("forget-me", whole, StringComparison.Ordinal);
        Assert.True(socket.IsOpen);
    }

    [Fact]
    public async Task An_answer_too_long_for_five_response_url_posts_goes_to_the_member_as_direct_messages()
    {
        await using var host = await SlackTestHost.StartAsync();
        var socket = await host.Slack.NextSocketAsync();
        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("join interests:archives tz:UTC", "U0EXP002"));
        await SeedRoundsAsync(host, "U0EXP002", 250);

        var ack = await host.SendAsync(socket, SlackEnvelopes.SlashCommand("export-me", "U0EXP002", host.Slack.ResponseUrl("big"), command: "/networking"));
        var note = await host.Slack.WaitForResponseAsync("big");
        await Eventually.TrueAsync(() => host.Slack.CallsOf("chat.postMessage").Any(c => c.Arg("text")!.Contains("forget-me", StringComparison.Ordinal)));

        Assert.Null(ack.Payload);
        Assert.Single(host.Slack.ResponsesFor("big"));
        Assert.Contains("direct messages", note.Body.GetProperty("text").GetString(), StringComparison.Ordinal);
        var posts = host.Slack.CallsOf("chat.postMessage");
        Assert.True(posts.Count > SlackLimits.ResponseUrlPosts);
        Assert.All(posts, p => Assert.Equal(["U0EXP002"], host.Slack.MembersOf(p.Arg("channel")!)));
        Assert.All(posts, p => AssertFitsOneMessage(JsonSerializer.Deserialize<JsonElement>($$"""{"blocks":{{p.Arg("blocks")}}}""")));
        var whole = string.Concat(posts.Select(p => p.Arg("text")));
        Assert.Contains("\"round\": 250,", whole, StringComparison.Ordinal);
    }

    private static void AssertFitsOneMessage(JsonElement message)
    {
        var blocks = message.GetProperty("blocks").EnumerateArray().ToList();
        Assert.InRange(blocks.Count, 1, SlackLimits.MessageBlocks);
        var text = blocks.Where(b => b.GetProperty("type").GetString() == "section").Sum(b => b.GetProperty("text").GetProperty("text").GetString()!.Length);
        Assert.InRange(text, 1, SlackLimits.MessageText);
    }

    private static async Task SeedRoundsAsync(SlackTestHost host, string userId, int count)
    {
        var start = new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);
        for (var n = 1; n <= count; n++)
        {
            var at = start.AddDays(7 * (n - 1));
            var why = "You both care about archives, metadata and digital preservation, and neither has met the other in the last year.";
            var round = new Round($"r{n}", SlackTestHost.Community, at.ToString("O"), n, at, at, RoundStatus.Delivered, n,
                [new RoundGroup(0, [userId, $"U0PAR{n:D3}"], why)], [], at.AddDays(3));
            await ((IRoundStore)host.Store).TryClaimAsync(round);
        }
    }
}
