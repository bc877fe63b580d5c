using System.Text.Json;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Core.Leases;
using NetworkingBot.Testing.FakeSlack;
using NetworkingBot.Testing;

namespace NetworkingBot.Slack.Tests;

/// <summary>
/// Forms: they open inside the trigger's life, carry the core's limits, require what the Discord form requires, and a
/// bad submission is answered under its field with nothing stored.
/// </summary>
public sealed class FormTests
{
    [Fact]
    public async Task The_join_form_requires_interests_and_time_zone_and_carries_the_cores_limits()
    {
        await using var host = await SlackTestHost.StartAsync();
        var socket = await host.Slack.NextSocketAsync();

        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("join", "U0FRM001"));
        var blocks = Blocks((await host.Slack.WaitForCallAsync("views.open")).Json("view"));

        Assert.False(blocks["interests"].GetProperty("optional").GetBoolean());
        Assert.False(blocks["tz"].GetProperty("optional").GetBoolean());
        Assert.True(blocks["region"].GetProperty("optional").GetBoolean());
        Assert.Equal(OptionParsers.MaxRegionLength, MaxLength(blocks["region"]));
        Assert.Equal(OptionParsers.MaxTags * (OptionParsers.MaxTagLength + 2), MaxLength(blocks["interests"]));
    }

    [Fact]
    public async Task An_empty_join_form_is_answered_under_the_required_fields_and_joins_nobody()
    {
        await using var host = await SlackTestHost.StartAsync();
        var socket = await host.Slack.NextSocketAsync();

        var ack = await host.SendAsync(socket, SlackEnvelopes.JoinSubmission("U0FRM002",
            new Dictionary<string, string> { ["interests"] = "  ", ["region"] = "Kansas City" }));

        var payload = Assert.NotNull(ack.Payload);
        Assert.Equal("errors", payload.GetProperty("response_action").GetString());
        Assert.Equal(["interests", "tz"], payload.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.Empty(await host.MembersAsync());
    }

    [Fact]
    public async Task The_job_form_carries_the_cores_limits_and_an_over_long_note_is_refused_under_its_field()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Slack.AddUser(SlackTestHost.Organiser, isAdmin: true);
        var socket = await host.Slack.NextSocketAsync();
        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("setup channel:C0JOBS", SlackTestHost.Organiser, command: "/job"));

        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("share", "U0FRM003", command: "/job"));
        var blocks = Blocks((await host.Slack.WaitForCallAsync("views.open")).Json("view"));
        var submitted = await host.SendAsync(socket, SlackEnvelopes.JoinSubmission("U0FRM003",
            new Dictionary<string, string> { ["title"] = "Archivist", ["employer"] = "KU", ["location"] = "Lawrence", ["note"] = new string('n', 1499) },
            new Dictionary<string, string> { ["type"] = "full-time" }, callbackId: "job_share"));

        Assert.Equal(
            [JobLeadValidator.MaxTitle, JobLeadValidator.MaxEmployer, JobLeadValidator.MaxLocation, JobLeadValidator.MaxLink, JobLeadValidator.MaxSalary, JobLeadValidator.MaxNote],
            new[] { "title", "employer", "location", "link", "salary", "note" }.Select(b => MaxLength(blocks[b])));
        var errors = submitted.Payload!.Value.GetProperty("errors");
        Assert.Equal(["note"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Empty(await host.Get<IJobLeadStore>().ListLeadsAsync(SlackTestHost.Community, DateTimeOffset.MinValue));
    }

    [Fact]
    public async Task The_interview_form_carries_the_cores_limit_for_what_to_learn()
    {
        await using var host = await SlackTestHost.StartAsync();
        var socket = await host.Slack.NextSocketAsync();

        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("request", "U0FRM004", command: "/interview"));
        var blocks = Blocks((await host.Slack.WaitForCallAsync("views.open")).Json("view"));

        Assert.Equal(InterviewInput.MaxLearn, MaxLength(blocks["learn"]));
    }

    [Fact]
    public async Task A_cached_time_zone_rides_in_views_open_and_needs_no_update()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Slack.AddUser("U0FRM005", timeZone: "Europe/Oslo");
        var socket = await host.Slack.NextSocketAsync();
        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("join", "U0FRM005", triggerId: "t-1"));
        await host.Slack.WaitForCallAsync("views.update");

        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("join", "U0FRM005", triggerId: "t-2"));
        var second = await host.Slack.WaitForCallAsync("views.open", c => c.Arg("trigger_id") == "t-2");

        Assert.Equal("Europe/Oslo", ElementProperty(Blocks(second.Json("view"))["tz"], "initial_value"));
        Assert.Single(host.Slack.CallsOf("users.info"));
        Assert.Single(host.Slack.CallsOf("views.update"));
    }

    [Fact]
    public async Task A_rate_limited_views_open_is_not_retried_past_the_triggers_life_and_the_member_gets_the_typed_form()
    {
        var clock = new TimerWatchingClock();
        await using var host = await SlackTestHost.StartAsync(time: clock);
        host.Slack.RateLimitNext("views.open", 1, retryAfterSeconds: 30);
        var socket = await host.Slack.NextSocketAsync();

        await socket.SendEnvelopeAsync(SlackEnvelopes.SlashCommand("join", "U0FRM006", host.Slack.ResponseUrl("form"), envelopeId: "form-1"));
        await host.Slack.WaitForCallAsync("views.open");
        // The client is now waiting out Slack's Retry-After; the trigger dies long before it ends.
        await Eventually.TrueAsync(() => clock.Timers.Contains(TimeSpan.FromSeconds(30)), what: "the Retry-After wait");
        clock.Advance(TimeSpan.FromSeconds(3));
        var ack = await host.Slack.WaitForAckAsync("form-1");
        var answer = ack.Payload ?? (await host.Slack.WaitForResponseAsync("form")).Body;

        Assert.Contains("couldn't open the join form", answer.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Single(host.Slack.CallsOf("views.open"));
        Assert.Empty(await host.MembersAsync());
    }

    [Fact]
    public async Task A_trigger_that_ran_out_while_the_shared_store_was_slow_is_not_spent_on_views_open()
    {
        var clock = new TimerWatchingClock();
        var stalled = new StalledLeases();
        await using var host = await SlackTestHost.StartAsync(time: clock, leases: stalled);
        var socket = await host.Slack.NextSocketAsync();

        await socket.SendEnvelopeAsync(SlackEnvelopes.SlashCommand("join", "U0FRM008", host.Slack.ResponseUrl("late-form"), envelopeId: "form-2"));
        // The claim is stuck in the store; the ack budget (2 s) is the timer it waits on.
        await Eventually.TrueAsync(() => stalled.Asked && clock.Timers.Contains(TimeSpan.FromSeconds(2)), what: "the claim and the ack budget");
        clock.Advance(TimeSpan.FromSeconds(2.6));
        var ack = await host.Slack.WaitForAckAsync("form-2");
        var answer = ack.Payload ?? (await host.Slack.WaitForResponseAsync("late-form")).Body;

        Assert.Contains("couldn't open the join form", answer.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.Slack.CallsOf("views.open"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!!")]
    public async Task A_blank_slack_name_falls_back_to_the_user_id(string name)
    {
        await using var host = await SlackTestHost.StartAsync();
        var socket = await host.Slack.NextSocketAsync();
        var envelope = SlackEnvelopes.SlashCommand("join interests:archives tz:UTC", "U0FRM007");
        envelope["payload"]!["user_name"] = name;

        var ack = await host.SendAsync(socket, envelope);

        Assert.Contains("Welcome to coffee chats, U0FRM007!", ack.Payload!.Value.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A shared store that never answers a claim, like one under heavy load.</summary>
    private sealed class StalledLeases : ILeaseStore
    {
        private volatile bool _asked;

        public bool Asked => _asked;

        public Task<bool> TryAcquireAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken = default)
        {
            _asked = true;
            return new TaskCompletionSource<bool>().Task.WaitAsync(cancellationToken);
        }

        public Task<bool> RenewAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken = default) => Task.FromResult(true);

        public Task<bool> ReleaseAsync(string name, string owner, CancellationToken cancellationToken = default) => Task.FromResult(true);
    }

    private static Dictionary<string, JsonElement> Blocks(JsonElement view) =>
        view.GetProperty("blocks").EnumerateArray().ToDictionary(b => b.GetProperty("block_id").GetString()!);

    private static int MaxLength(JsonElement block) => block.GetProperty("element").GetProperty("max_length").GetInt32();

    private static string? ElementProperty(JsonElement block, string property) =>
        block.GetProperty("element").TryGetProperty(property, out var value) ? value.GetString() : null;
}
