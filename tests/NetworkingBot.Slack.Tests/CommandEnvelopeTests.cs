using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Scheduling;
using NetworkingBot.Testing.FakeSlack;

namespace NetworkingBot.Slack.Tests;

/// <summary>Slash commands, the join form and buttons, end to end through a real socket to the fake Slack.</summary>
public sealed class CommandEnvelopeTests
{
    private static readonly TimeSpan AckLimit = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Coffee_join_is_acked_within_three_seconds_with_the_reply_and_the_member_is_stored()
    {
        await using var host = await SlackTestHost.StartAsync();
        var socket = await host.Slack.NextSocketAsync();

        var ack = await host.SendAsync(socket, SlackEnvelopes.SlashCommand("join interests:archives,metadata tz:America/Chicago region:\"Kansas City\"", "U0ANA001"));

        Assert.True(ack.SinceSent < AckLimit, $"acked after {ack.SinceSent}");
        var payload = Assert.NotNull(ack.Payload);
        Assert.Equal("ephemeral", payload.GetProperty("response_type").GetString());
        Assert.Contains("Welcome to coffee chats", payload.GetProperty("text").GetString(), StringComparison.Ordinal);
        var member = Assert.Single(await host.MembersAsync());
        Assert.Equal(("U0ANA001", "America/Chicago"), (member.UserId, member.Profile.TimeZone));
        Assert.Equal(["archives", "metadata"], member.Profile.Interests);
    }

    [Fact]
    public async Task Slack_escaped_text_is_unescaped_before_parsing()
    {
        await using var host = await SlackTestHost.StartAsync();
        var socket = await host.Slack.NextSocketAsync();

        // Slack sends & < > as entities; a region "Books &amp; Bytes" must be stored as "Books & Bytes".
        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("join tz:UTC region:\"Books &amp; Bytes\"", "U0ANA001"));

        Assert.Equal("Books & Bytes", Assert.Single(await host.MembersAsync()).Profile.Region);
    }

    [Fact]
    public async Task Empty_join_opens_the_form_and_its_submission_stores_the_profile()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Slack.AddUser("U0BEA002", timeZone: "Europe/London");
        var socket = await host.Slack.NextSocketAsync();

        var ack = await host.SendAsync(socket, SlackEnvelopes.SlashCommand("join", "U0BEA002", triggerId: "trigger-1"));

        Assert.True(ack.SinceSent < AckLimit);
        Assert.Null(ack.Payload);
        var open = await host.Slack.WaitForCallAsync("views.open");
        Assert.Equal("trigger-1", open.Arg("trigger_id"));
        var view = open.Json("view");
        Assert.Equal("coffee_join", view.GetProperty("callback_id").GetString());
        Assert.Equal("C111", view.GetProperty("private_metadata").GetString());
        // views.open goes first, inside the trigger's life; the time zone from users.info follows in views.update.
        var tz = view.GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("block_id").GetString() == "tz");
        Assert.False(tz.GetProperty("element").TryGetProperty("initial_value", out _));
        var update = await host.Slack.WaitForCallAsync("views.update");
        Assert.True(update.At >= open.At);
        Assert.Equal("1700000000.abcdef", update.Arg("hash"));
        var filled = update.Json("view").GetProperty("blocks").EnumerateArray().Single(b => b.GetProperty("block_id").GetString() == "tz");
        Assert.Equal("Europe/London", filled.GetProperty("element").GetProperty("initial_value").GetString());
        Assert.Empty(await host.MembersAsync());

        var submitted = await host.SendAsync(socket, SlackEnvelopes.JoinSubmission("U0BEA002",
            new Dictionary<string, string> { ["interests"] = "reference, instruction", ["tz"] = "Europe/London", ["region"] = "Kansas City" },
            new Dictionary<string, string> { ["stage"] = "early-career", ["looking"] = "mentor", ["format"] = "in-person", ["cadence"] = "monthly" }));

        Assert.True(submitted.SinceSent < AckLimit);
        Assert.Equal("update", submitted.Payload!.Value.GetProperty("response_action").GetString());
        var member = Assert.Single(await host.MembersAsync());
        Assert.Equal(
            (CareerStage.EarlyCareer, LookingFor.Mentor, MeetingFormat.InPerson, Cadence.Monthly, "Kansas City", "Europe/London"),
            (member.Profile.Stage, member.Profile.LookingFor, member.Profile.Format, member.Profile.Cadence, member.Profile.Region, member.Profile.TimeZone));
        Assert.Equal(["reference", "instruction"], member.Profile.Interests);
    }

    [Fact]
    public async Task A_form_with_a_bad_time_zone_answers_a_field_error_and_stores_nothing()
    {
        await using var host = await SlackTestHost.StartAsync();
        var socket = await host.Slack.NextSocketAsync();

        var ack = await host.SendAsync(socket, SlackEnvelopes.JoinSubmission("U0CAT003",
            new Dictionary<string, string> { ["interests"] = "archives", ["tz"] = "Mars/Olympus_Mons" }));

        var payload = Assert.NotNull(ack.Payload);
        Assert.Equal("errors", payload.GetProperty("response_action").GetString());
        var errors = payload.GetProperty("errors").EnumerateObject().ToList();
        var error = Assert.Single(errors);
        Assert.Equal("tz", error.Name);
        Assert.Contains("Mars/Olympus_Mons", error.Value.GetString(), StringComparison.Ordinal);
        Assert.Empty(await host.MembersAsync());
    }

    [Fact]
    public async Task A_check_in_button_click_is_recorded_for_the_clicking_user()
    {
        await using var host = await SlackTestHost.StartAsync();
        var socket = await host.Slack.NextSocketAsync();
        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("setup day:monday time:09:00 tz:UTC", SlackTestHost.Organiser));
        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("join tz:UTC", "U0ANA001"));
        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("join tz:UTC", "U0BOB002"));
        var paired = await host.SendAsync(socket, SlackEnvelopes.SlashCommand("pair-now", SlackTestHost.Organiser, responseUrl: host.Slack.ResponseUrl("pair")));
        var round = Assert.Single(host.Store.RoundsOf(SlackTestHost.Community));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CheckInService>().SendAsync(round.RoundId, default);
        }

        // The check-in DM to Ana went through conversations.open + chat.postMessage with the buttons rendered.
        var anaChannel = host.Slack.Calls.First(c => c.Method == "chat.postMessage" && c.Status == 200
            && host.Slack.MembersOf(c.Arg("channel")!).SequenceEqual(["U0ANA001"]) && c.Args["blocks"].Contains("checkin", StringComparison.Ordinal));
        var metButton = anaChannel.Json("blocks").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "actions")
            .GetProperty("elements").EnumerateArray().First();

        await host.SendAsync(socket, SlackEnvelopes.ButtonClick(metButton.GetProperty("value").GetString()!, "U0ANA001", host.Slack.ResponseUrl("click"), anaChannel.Arg("channel")!));

        var reply = await host.Slack.WaitForResponseAsync("click");
        Assert.Equal("ephemeral", reply.Body.GetProperty("response_type").GetString());
        Assert.False(reply.Body.GetProperty("replace_original").GetBoolean());
        var answer = Assert.Single(await host.Store.GetCheckInsAsync(round.RoundId));
        Assert.Equal(("U0ANA001", CheckInAnswer.Met), (answer.UserId, answer.Answer));
        Assert.Contains("Round 1 is out", paired.Payload?.GetProperty("text").GetString() ?? (await host.Slack.WaitForResponseAsync("pair")).Body.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organiser_rights_come_from_users_info_admin_flags_not_from_the_text()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Slack.AddUser("U0ADM009", isAdmin: true);
        host.Slack.AddUser("U0MEM010");
        var socket = await host.Slack.NextSocketAsync();

        var member = await host.SendAsync(socket, SlackEnvelopes.SlashCommand("setup day:monday time:09:00 tz:UTC organiser:true", "U0MEM010"));
        var admin = await host.SendAsync(socket, SlackEnvelopes.SlashCommand("setup day:monday time:09:00 tz:UTC", "U0ADM009"));

        Assert.Contains("organisers only", member.Payload!.Value.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Coffee chats are set", admin.Payload!.Value.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.NotNull(host.Store.ProgramOf(SlackTestHost.Community));
    }
}
