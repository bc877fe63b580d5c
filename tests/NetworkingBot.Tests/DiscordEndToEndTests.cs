using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkingBot.Shell;
using NetworkingBot.Testing.FakeDiscord;
using NetworkingBot.Testing;

namespace NetworkingBot.Tests;

/// <summary>
/// The real host (SQLite, Quartz, core, Discord adapter) against a fake Discord: a loopback REST API and a
/// loopback gateway that dispatches interactions the way Discord does.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DiscordEndToEndTests
{
    private const string Organiser = "900";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private static readonly string[] Members = ["101", "102", "103", "104", "105"];

    [Fact]
    public async Task Members_join_an_organiser_pairs_them_a_check_in_is_recorded_and_an_outage_loses_nothing()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        await using var gateway = await FakeDiscordGateway.StartAsync(TimeSpan.FromSeconds(1));
        rest.GatewayUrl = gateway.Url.ToString();
        rest.ExpectedToken = "test-token";
        using var host = PlatformHosts.Discord(rest);
        await host.StartAsync();
        try
        {
            await gateway.WaitForOpAsync(2, timeout: Wait);
            await rest.WaitForAsync(c => c.Is("PUT", "applications/"), Wait);

            // Discord dispatches to a session once it is READY; so does the test.
            var shards = DiscordShards.Of(host);
            await Eventually.TrueAsync(() => shards.Ready, "the shard to be ready", Wait);

            // A member joins: the interaction is acknowledged within 3 s, privately, and the member is stored.
            var sent = DateTimeOffset.UtcNow;
            var join = await InteractAsync(gateway, rest, DiscordPayloads.Slash("coffee", "join", Profile(), user: Members[0]));
            Assert.True(join.At - sent < TimeSpan.FromSeconds(3), $"acknowledged after {join.At - sent}");
            Assert.StartsWith("Welcome", Content(join), StringComparison.Ordinal);
            foreach (var member in Members[1..])
            {
                await InteractAsync(gateway, rest, DiscordPayloads.Slash("coffee", "join", Profile(), user: member));
            }

            var setup = new Dictionary<string, object> { ["channel"] = DiscordPayloads.Channel, ["day"] = "monday", ["time"] = "09:00", ["tz"] = "UTC" };
            await InteractAsync(gateway, rest, DiscordPayloads.Slash("coffee-admin", "setup", setup, user: Organiser, permissions: DiscordPayloads.ManageServer));

            // pair-now: one announcement in the channel, one DM per member, each through the REST API once.
            var pair = await InteractAsync(gateway, rest, DiscordPayloads.Slash("coffee-admin", "pair-now", user: Organiser, permissions: DiscordPayloads.ManageServer));
            await rest.WaitForCountAsync(c => c.Is("POST", "channels/") && c.Succeeded && c.Path.EndsWith("/messages", StringComparison.Ordinal), 1 + Members.Length, Wait);
            Assert.Single(rest.Messages, m => m.ChannelId == DiscordPayloads.Channel);
            Assert.All(Members, m => Assert.Single(rest.MessagesTo(m)));
            Assert.All(Members, m => Assert.Contains("you're meeting", rest.MessagesTo(m)[0].Content, StringComparison.Ordinal));
            Assert.Contains("Round 1 is out", await FinalTextAsync(rest, pair), StringComparison.Ordinal);

            // Four days later the check-ins go out with buttons; a click in the DM (no guild) is recorded.
            await host.Services.GetRequiredService<ShellTimeTravel>().AdvanceAsync(TimeSpan.FromDays(4), CancellationToken.None);
            await rest.WaitForCountAsync(c => c.Is("POST", "channels/") && c.Succeeded, 1 + (2 * Members.Length), Wait);
            var checkIn = rest.MessagesTo(Members[0]).Single(m => m.Content.StartsWith("How did your coffee chat", StringComparison.Ordinal));
            var metId = checkIn.Body.GetProperty("components")[0].GetProperty("components")[0].GetProperty("custom_id").GetString()!;
            var clicked = await InteractAsync(gateway, rest, DiscordPayloads.Button(metId, user: Members[0]));
            Assert.StartsWith("Wonderful", await FinalTextAsync(rest, clicked), StringComparison.Ordinal);

            // The socket drops; an interaction dispatched meanwhile is replayed after RESUME and still answered.
            await gateway.DropAsync();
            var during = DiscordPayloads.Slash("coffee", "status", user: Members[1]);
            await gateway.DispatchAsync("INTERACTION_CREATE", during.GetRawText());
            await gateway.WaitForOpAsync(6, timeout: Wait);
            var status = await rest.WaitForAsync(c => c.Is("POST", $"interactions/{during.GetProperty("id").GetString()}/"), Wait);
            Assert.Contains("Current partner (round 1)", await FinalTextAsync(rest, status), StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_rejected_token_stops_the_bot_with_one_line_that_says_what_to_fix()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        rest.RejectToken = true;

        var (exit, _, stderr) = await ShellRunner.RunBotAsync(["--db", ShellRunner.TempDb(), "--Discord:Token=revoked", $"--Discord:ApiBaseUrl={rest.ApiBaseUrl}"]);

        Assert.Equal(4, exit);
        Assert.Contains("Discord rejected the bot token: check Discord__Token", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    private static Dictionary<string, object> Profile() => new() { ["interests"] = "archives,metadata", ["tz"] = "America/Chicago" };

    private static async Task<FakeDiscordRestCall> InteractAsync(FakeDiscordGateway gateway, FakeDiscordRest rest, JsonElement interaction)
    {
        var id = interaction.GetProperty("id").GetString();
        await gateway.DispatchAsync("INTERACTION_CREATE", interaction.GetRawText());
        return await rest.WaitForAsync(c => c.Is("POST", $"interactions/{id}/"), Wait);
    }

    private static string Content(FakeDiscordRestCall callback) =>
        callback.Body!.Value.GetProperty("data").GetProperty("content").GetString()!;

    /// <summary>The reply's text: in the callback itself, or, for a deferred one, in the edit that follows.</summary>
    private static async Task<string> FinalTextAsync(FakeDiscordRest rest, FakeDiscordRestCall callback)
    {
        if (callback.Body!.Value.GetProperty("type").GetInt32() == 4)
        {
            return Content(callback);
        }

        var token = callback.Path.Split('/')[2];
        var edit = await rest.WaitForAsync(c => c.Is("PATCH", "webhooks/") && c.Path.Contains(token, StringComparison.Ordinal), Wait);
        return edit.BodyString("content")!;
    }
}
