using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkingBot.Shell;
using NetworkingBot.Testing;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Tests;

/// <summary>
/// My network through the real host (SQLite, Quartz, core, Discord adapter) against the loopback Discord: a coffee chat
/// that met, the three nudges once each, the log commands, the export as an attachment, and an introduction by DM to each.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class NetworkDiscordEndToEndTests
{
    private const string Organiser = "900";
    private const string Alice = "101";
    private const string Bob = "102";
    private const string Carol = "103";
    private const string Sam = "104";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_met_chat_gets_each_nudge_once_the_log_exports_as_an_attachment_and_an_intro_DMs_each_member()
    {
        await using var discord = await ConnectedDiscordHost.StartAsync(Wait);
        var (rest, gateway, host) = (discord.Rest, discord.Gateway, discord.Host);
        var time = host.Services.GetRequiredService<ShellTimeTravel>();

        var setup = new Dictionary<string, object> { ["channel"] = DiscordPayloads.Channel, ["day"] = "monday", ["time"] = "09:00", ["tz"] = "UTC", ["cadence"] = "monthly" };
        await AnswerAsync(gateway, rest, DiscordPayloads.Slash("coffee-admin", "setup", setup, user: Organiser, permissions: DiscordPayloads.ManageServer));
        foreach (var member in new[] { Alice, Bob })
        {
            await AnswerAsync(gateway, rest, DiscordPayloads.Slash("coffee", "join", new Dictionary<string, object> { ["interests"] = "archives", ["tz"] = "America/Chicago" }, user: member));
        }

        await AnswerAsync(gateway, rest, DiscordPayloads.Slash("coffee-admin", "pair-now", user: Organiser, permissions: DiscordPayloads.ManageServer));
        await time.AdvanceAsync(TimeSpan.FromDays(4), CancellationToken.None);
        var checkIn = await WaitForDmAsync(rest, Alice, "How did your coffee chat");
        Assert.StartsWith("Wonderful", await AnswerAsync(gateway, rest, DiscordPayloads.Button(ButtonId(checkIn, 0), user: Alice)), StringComparison.Ordinal);

        // A day, a month and three months: each nudge once to each member, in their local morning, with buttons.
        await time.AdvanceAsync(TimeSpan.FromDays(1), CancellationToken.None);
        await time.AdvanceAsync(TimeSpan.FromDays(30), CancellationToken.None);
        await time.AdvanceAsync(TimeSpan.FromDays(61), CancellationToken.None);
        foreach (var member in new[] { Alice, Bob })
        {
            foreach (var nudge in new[] { "Did you thank", "It's been a month since you met", "You last spoke with" })
            {
                var sent = Assert.Single(rest.MessagesTo(member), m => m.Content.StartsWith(nudge, StringComparison.Ordinal));
                Assert.NotEqual(0, sent.Body.GetProperty("components").GetArrayLength());
            }
        }

        var reconnect = rest.MessagesTo(Alice).Single(m => m.Content.StartsWith("You last spoke with", StringComparison.Ordinal));
        Assert.StartsWith("Noted", await AnswerAsync(gateway, rest, DiscordPayloads.Button(ButtonId(reconnect, 0), user: Alice)), StringComparison.Ordinal);

        // The log: list, a note that can ping nobody, spoke, export as a CSV attached to the private reply.
        Assert.Contains("coffee chat, round 1", await AnswerAsync(gateway, rest, DiscordPayloads.Slash("network", "list", user: Alice)), StringComparison.Ordinal);
        var note = await DiscordAnswers.AnswerCallAsync(gateway, rest, DiscordPayloads.SlashNamingUsers("network", "note", new Dictionary<string, (string, string, bool)> { ["member"] = (Bob, "bob", false) },
            new Dictionary<string, string> { ["text"] = "Ask about the grant @everyone <@&555> <@102>" }, user: Alice));
        AssertPingsNobody(note);
        var show = await DiscordAnswers.AnswerCallAsync(gateway, rest, DiscordPayloads.SlashNamingUsers("network", "show", new Dictionary<string, (string, string, bool)> { ["member"] = (Bob, "bob", false) }, user: Alice));
        Assert.Contains("Ask about the grant", DiscordAnswers.Text(show), StringComparison.Ordinal);
        Assert.DoesNotContain("@everyone", DiscordAnswers.Text(show), StringComparison.Ordinal);
        AssertPingsNobody(show);
        Assert.StartsWith("Noted", await AnswerAsync(gateway, rest, DiscordPayloads.SlashNamingUsers("network", "spoke", new Dictionary<string, (string, string, bool)> { ["member"] = (Bob, "bob", false) }, user: Alice)), StringComparison.Ordinal);
        var export = await DiscordAnswers.AnswerCallAsync(gateway, rest, DiscordPayloads.Slash("network", "export", user: Alice));
        Assert.StartsWith("Your network log: 1 contact", DiscordAnswers.Text(export), StringComparison.Ordinal);
        var csv = Encoding.UTF8.GetString(Assert.Single(export.Files).Content).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(2, csv.Length);
        // A byte-order mark first, so spreadsheet programs read it as UTF-8.
        Assert.Equal("\uFEFFmember,how_we_met,first_met,last_spoke,planned,reminders,notes", csv[0]);
        Assert.Contains("Ask about the grant", csv[1], StringComparison.Ordinal);

        // An introduction: a DM to each of the two (bots cannot open group DMs on Discord), recorded in both logs.
        foreach (var member in new[] { Carol, Sam })
        {
            await AnswerAsync(gateway, rest, DiscordPayloads.Slash("coffee", "join", new Dictionary<string, object> { ["interests"] = "archives", ["tz"] = "UTC" }, user: member));
        }

        await AnswerAsync(gateway, rest, Intro((Alice, "alice", false), (Carol, "carol", false), "you both describe archives"));
        var aliceIntro = await WaitForDmAsync(rest, Alice, "User 104 would like to introduce you to");
        await WaitForDmAsync(rest, Carol, "User 104 would like to introduce you to");

        // Alice takes it up: the introducer hears so, once.
        await AnswerAsync(gateway, rest, DiscordPayloads.Button(ButtonId(aliceIntro, 0), user: Alice));
        await WaitForDmAsync(rest, Sam, "User 101 will reach out to");
        Assert.Single(rest.MessagesTo(Sam));
        Assert.Contains("introduced by", await AnswerAsync(gateway, rest, DiscordPayloads.Slash("network", "list", user: Carol)), StringComparison.Ordinal);
        Assert.Contains("introduced by", await AnswerAsync(gateway, rest, DiscordPayloads.Slash("network", "list", user: Alice)), StringComparison.Ordinal);

        // A bot and oneself are refused, and nothing is sent for either.
        var before = rest.Messages.Count;
        Assert.Contains("That is a bot account", await AnswerAsync(gateway, rest, Intro((Alice, "alice", false), ("555", "helper-bot", true), "a bot")), StringComparison.Ordinal);
        Assert.Contains("That is you", await AnswerAsync(gateway, rest, Intro((Sam, "sam", false), (Carol, "carol", false), "me")), StringComparison.Ordinal);
        Assert.Contains("That is a bot account", await AnswerAsync(gateway, rest, DiscordPayloads.SlashNamingUsers("network", "note", new Dictionary<string, (string, string, bool)> { ["member"] = ("555", "helper-bot", true) },
            new Dictionary<string, string> { ["text"] = "x" }, user: Alice)), StringComparison.Ordinal);
        Assert.Equal(before, rest.Messages.Count);
    }

    private static JsonElement Intro((string, string, bool) first, (string, string, bool) second, string because) =>
        DiscordPayloads.SlashNamingUsers("intro", "make", new Dictionary<string, (string, string, bool)> { ["first"] = first, ["second"] = second },
            new Dictionary<string, string> { ["because"] = because }, user: Sam);

    private static string ButtonId(FakeDiscordRestMessage message, int index) =>
        message.Body.GetProperty("components")[0].GetProperty("components")[index].GetProperty("custom_id").GetString()!;

    private static async Task<FakeDiscordRestMessage> WaitForDmAsync(FakeDiscordRest rest, string user, string start)
    {
        await Eventually.TrueAsync(() => rest.MessagesTo(user).Any(m => m.Content.StartsWith(start, StringComparison.Ordinal)), $"a DM to {user} starting '{start}'", Wait);
        return rest.MessagesTo(user).First(m => m.Content.StartsWith(start, StringComparison.Ordinal));
    }

    private static void AssertPingsNobody(FakeDiscordRestCall answer)
    {
        var body = answer.Body!.Value.TryGetProperty("data", out var data) ? data : answer.Body.Value;
        Assert.Equal(0, body.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    private static async Task<string> AnswerAsync(FakeDiscordGateway gateway, FakeDiscordRest rest, JsonElement interaction) =>
        DiscordAnswers.Text(await DiscordAnswers.AnswerCallAsync(gateway, rest, interaction));
}
