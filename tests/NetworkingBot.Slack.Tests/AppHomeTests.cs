using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using NetworkingBot.Slack.Home;
using NetworkingBot.Testing.FakeSlack;

namespace NetworkingBot.Slack.Tests;

/// <summary>The App Home against the loopback Slack fake: published on app_home_opened, refreshed (debounced) on change, buttons run the existing flows.</summary>
public sealed class AppHomeTests
{
    private const string Member = "U0HOME001";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_member_who_never_joined_anything_gets_a_friendly_first_steps_view()
    {
        await using var host = await SlackTestHost.StartAsync(time: _clock);
        var socket = await host.Slack.NextSocketAsync();

        await host.SendAsync(socket, SlackEnvelopes.HomeOpened(Member));

        var call = await host.Slack.WaitForCallAsync("views.publish");
        Assert.Equal(Member, call.Arg("user_id"));
        var view = View(call);
        Assert.Equal("home", view.GetProperty("type").GetString());
        var text = Text(view);
        Assert.Contains("Welcome, <@U0HOME001>! I help library folks meet each other.", text, StringComparison.Ordinal);
        Assert.Contains("/coffee join", Buttons(view));
        Assert.Contains("/interview request", Buttons(view));
    }

    [Fact]
    public async Task An_app_home_opened_event_is_acknowledged_before_its_view_is_published()
    {
        await using var host = await SlackTestHost.StartAsync(time: _clock);
        var socket = await host.Slack.NextSocketAsync();
        var publish = host.Slack.GateAnswers("views.publish");

        // The event's ack carries nothing, so it must not wait for the Web API round trip; the clock here never
        // reaches the ack budget, so an ack that waited for the publish would never come.
        var ack = await host.SendAsync(socket, SlackEnvelopes.HomeOpened(Member));

        Assert.Null(ack.Payload);
        Assert.Equal(Member, (await publish.Reached).Arg("user_id"));
        publish.Open();
    }

    [Fact]
    public async Task A_coffee_member_sees_their_profile_next_round_in_their_own_time_and_the_common_actions()
    {
        await using var host = await SlackTestHost.StartAsync(time: _clock);
        var socket = await host.Slack.NextSocketAsync();
        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("setup day:monday time:09:00 tz:UTC", SlackTestHost.Organiser));
        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("join interests:archives tz:Europe/London", Member));

        await host.SendAsync(socket, SlackEnvelopes.HomeOpened(Member));

        var view = View(await host.Slack.WaitForCallAsync("views.publish"));
        var text = Text(view);
        Assert.Contains("interests: archives", text, StringComparison.Ordinal);
        // Monday 9 March 2026, 09:00 UTC, shown by Slack in the reader's own zone.
        Assert.Contains($"Next round: <!date^{new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds()}^{{date_short_pretty}} {{time}}|", text, StringComparison.Ordinal);
        Assert.Equal(["/coffee pause weeks:2", "/coffee skip", "/coffee edit"], Buttons(view).Where(b => b.StartsWith("/coffee", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Changes_refresh_an_opened_home_once_per_debounce_window_with_the_latest_state()
    {
        await using var host = await SlackTestHost.StartAsync(time: _clock);
        var socket = await host.Slack.NextSocketAsync();
        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("setup day:monday time:09:00 tz:UTC", SlackTestHost.Organiser));
        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("join tz:UTC", Member));
        await host.SendAsync(socket, SlackEnvelopes.HomeOpened(Member));
        await host.Slack.WaitForCallAsync("views.publish");

        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("pause weeks:2", Member));
        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("resume", Member));

        // The refresh waits for the debounce on the fake clock, so nothing can have been published yet.
        Assert.Single(host.Slack.CallsOf("views.publish"));
        _clock.Advance(HomeRefresher.Debounce);
        var refreshed = await host.Slack.WaitForCallAsync("views.publish", c => c != host.Slack.CallsOf("views.publish")[0]);
        Assert.Equal(2, host.Slack.CallsOf("views.publish").Count);
        Assert.Contains("/coffee pause weeks:2", Buttons(View(refreshed)));
        Assert.DoesNotContain("paused until", Text(View(refreshed)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_intro_refreshes_the_home_with_the_new_partner()
    {
        await using var host = await SlackTestHost.StartAsync(time: _clock);
        var socket = await host.Slack.NextSocketAsync();
        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("setup day:monday time:09:00 tz:UTC", SlackTestHost.Organiser));
        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("join tz:UTC", Member));
        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("join tz:UTC", "U0HOME002"));
        await host.SendAsync(socket, SlackEnvelopes.HomeOpened(Member));
        var first = await host.Slack.WaitForCallAsync("views.publish");
        Assert.DoesNotContain("Current partner", Text(View(first)), StringComparison.Ordinal);

        // The organiser's pair-now sends the group intro; the member's open home follows it after the debounce.
        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("pair-now", SlackTestHost.Organiser));
        await host.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("text")?.Contains("you're matched", StringComparison.Ordinal) == true);
        _clock.Advance(HomeRefresher.Debounce);

        var refreshed = await host.Slack.WaitForCallAsync("views.publish", c => c != first);
        Assert.Contains("Current partner (round 1): <@U0HOME002>", Text(View(refreshed)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_who_never_opened_the_home_gets_no_publish_when_things_change()
    {
        await using var host = await SlackTestHost.StartAsync(time: _clock);
        var socket = await host.Slack.NextSocketAsync();

        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("join tz:UTC", Member));
        _clock.Advance(HomeRefresher.Debounce);
        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("status", Member));

        Assert.Empty(host.Slack.CallsOf("views.publish"));
    }

    [Fact]
    public async Task Home_buttons_run_the_command_and_answer_by_DM_and_edit_profile_opens_the_existing_form()
    {
        await using var host = await SlackTestHost.StartAsync(time: _clock);
        var socket = await host.Slack.NextSocketAsync();
        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("join tz:UTC", Member));

        await host.SendAsync(socket, SlackEnvelopes.HomeClick("/coffee pause weeks:2", Member));
        var answer = await host.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("text")?.Contains("paused", StringComparison.OrdinalIgnoreCase) == true);
        Assert.NotNull(answer);
        Assert.True((await host.MembersAsync()).Single().PausedUntil > _clock.GetUtcNow());

        await host.SendAsync(socket, SlackEnvelopes.HomeClick("/coffee edit", Member));
        var opened = await host.Slack.WaitForCallAsync("views.open");
        Assert.Equal("coffee_edit", JsonSerializer.Deserialize<JsonElement>(opened.Arg("view")!).GetProperty("callback_id").GetString());
    }

    private static JsonElement View(SlackApiCall call) => JsonSerializer.Deserialize<JsonElement>(call.Arg("view")!);

    private static string Text(JsonElement view) => string.Join("\n", view.GetProperty("blocks").EnumerateArray()
        .Where(b => b.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.Object)
        .Select(b => b.GetProperty("text").GetProperty("text").GetString()));

    private static List<string> Buttons(JsonElement view) => [.. view.GetProperty("blocks").EnumerateArray()
        .Where(b => b.GetProperty("type").GetString() == "actions")
        .SelectMany(b => b.GetProperty("elements").EnumerateArray())
        .Select(e => e.GetProperty("value").GetString()!)];
}
