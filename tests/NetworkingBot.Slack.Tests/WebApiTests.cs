using System.Text.Json.Nodes;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Slack.Api;
using NetworkingBot.Testing.FakeSlack;
using NetworkingBot.Testing;

namespace NetworkingBot.Slack.Tests;

/// <summary>The Web API client and messenger against the fake: encodings, tokens, errors, paging and 429s.</summary>
public sealed class WebApiTests
{
    [Fact]
    public async Task Writes_go_as_json_reads_as_form_and_every_call_carries_the_bot_token()
    {
        await using var host = await SlackTestHost.StartAsync(sockets: false);
        host.Slack.AddUser("U0ANA001");
        var api = host.Get<ISlackApi>();

        await api.CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C111", ["text"] = "hi" }, default);
        await api.CallAsync("users.info", new JsonObject { ["user"] = "U0ANA001" }, default);

        var post = Assert.Single(host.Slack.CallsOf("chat.postMessage"));
        var info = Assert.Single(host.Slack.CallsOf("users.info"));
        Assert.StartsWith("application/json", post.ContentType, StringComparison.Ordinal);
        Assert.StartsWith("application/x-www-form-urlencoded", info.ContentType, StringComparison.Ordinal);
        Assert.Equal("U0ANA001", info.Arg("user"));
        Assert.All(host.Slack.Calls, c => Assert.Equal("xoxb-test", c.Token));
    }

    [Fact]
    public async Task Missing_scope_surfaces_needed_and_provided_and_logs_the_fix()
    {
        await using var host = await SlackTestHost.StartAsync(sockets: false);
        host.Slack.FailNext("chat.postMessage", "missing_scope", "chat:write", "commands,users:read");
        var messenger = host.Get<SlackMessenger>();

        var error = await Assert.ThrowsAsync<SlackApiException>(() =>
            messenger.SendAsync(OutboundMessage.ToChannel(SlackTestHost.Community, "C111", "Round 1 is out", "k1"), default));

        Assert.Equal(("chat.postMessage", "missing_scope", "chat:write", "commands,users:read"), (error.Method, error.Error, error.Needed, error.Provided));
        Assert.Contains("Add the scope chat:write in the app config", error.Message, StringComparison.Ordinal);
        Assert.Contains(host.Logs, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("add scope chat:write in the app config", StringComparison.Ordinal) && l.Contains("reinstall", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Other_errors_are_typed_with_their_code()
    {
        await using var host = await SlackTestHost.StartAsync(sockets: false);
        host.Slack.FailNext("conversations.open", "user_not_found");

        var error = await Assert.ThrowsAsync<SlackApiException>(() =>
            host.Get<SlackMessenger>().SendAsync(OutboundMessage.ToUser(SlackTestHost.Community, "U0GONE01", "hi", "k"), default));

        Assert.Equal("user_not_found", error.Error);
        Assert.Null(error.Needed);
        Assert.Empty(host.Slack.CallsOf("chat.postMessage"));
    }

    [Fact]
    public async Task Pagination_follows_cursors_until_the_last_page()
    {
        await using var host = await SlackTestHost.StartAsync(sockets: false);
        host.Slack.SetChannelMembers("C111", ["U1", "U2"], ["U3"], ["U4", "U5"]);
        var members = new List<string>();

        await foreach (var member in host.Get<ISlackApi>().PageAsync("conversations.members", new JsonObject { ["channel"] = "C111" }, "members", default))
        {
            members.Add(member.GetString()!);
        }

        Assert.Equal(["U1", "U2", "U3", "U4", "U5"], members);
        var calls = host.Slack.CallsOf("conversations.members");
        Assert.Equal(3, calls.Count);
        Assert.Null(calls[0].Arg("cursor"));
        Assert.All(calls.Skip(1), c => Assert.False(string.IsNullOrEmpty(c.Arg("cursor"))));
        Assert.All(calls, c => Assert.Equal("200", c.Arg("limit")));
    }

    [Fact]
    public async Task Rate_limits_during_a_fan_out_delay_the_messages_but_lose_none()
    {
        await using var host = await SlackTestHost.StartAsync(sockets: false);
        host.Slack.RateLimitNext("chat.postMessage", 3, retryAfterSeconds: 1);
        var messenger = host.Get<SlackMessenger>();
        // Ten fits conversations.open's burst, so the only waits here are the 429s'.
        var users = Enumerable.Range(1, 10).Select(i => $"U{i:D8}").ToList();

        await Task.WhenAll(users.Select(u => messenger.SendAsync(OutboundMessage.ToUser(SlackTestHost.Community, u, $"Your intro, {u}", $"intro:{u}"), default)))
            .WaitAsync(TimeSpan.FromSeconds(15));

        var calls = host.Slack.CallsOf("chat.postMessage");
        var limited = calls.Where(c => c.Status == 429).ToList();
        Assert.Equal(3, limited.Count);
        foreach (var user in users)
        {
            Assert.Single(host.Slack.CallsOf("conversations.open"), c => c.Arg("users") == user);
        }

        var delivered = calls.Where(c => c.Status == 200).ToList();
        Assert.Equal(10, delivered.Count);
        Assert.Equal(10, delivered.Select(c => c.Arg("channel")).Distinct().Count());
        // Retries waited for Retry-After rather than hammering: at least the three limited ones went a second later.
        var firstLimit = limited.Min(c => c.At);
        Assert.True(delivered.Count(c => c.At >= firstLimit.AddSeconds(0.9)) >= 3);
    }

    [Fact]
    public async Task A_round_fan_out_through_the_core_survives_429s()
    {
        await using var host = await SlackTestHost.StartAsync();
        var socket = await host.Slack.NextSocketAsync();
        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("setup day:monday time:09:00 tz:UTC", SlackTestHost.Organiser));
        var members = new[] { "U0ANA001", "U0BOB002", "U0CAT003", "U0DAN004" };
        foreach (var user in members)
        {
            await host.SendAsync(socket, SlackEnvelopes.SlashCommand("join tz:UTC", user));
        }

        host.Slack.RateLimitNext("chat.postMessage", 1, retryAfterSeconds: 1);
        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("pair-now", SlackTestHost.Organiser, responseUrl: host.Slack.ResponseUrl("pair"), envelopeId: "pair"));

        // One announcement and one group DM per group (two pairs), despite the 429 on the way.
        await Eventually.TrueAsync(() => host.Slack.CallsOf("chat.postMessage").Count(c => c.Status == 200) == 3, "three posts", TimeSpan.FromSeconds(15));
        Assert.Single(host.Slack.CallsOf("chat.postMessage"), c => c.Status == 429);
        Assert.Single(host.Slack.PostsTo("C111"));
        var opened = host.Slack.CallsOf("conversations.open").Select(c => c.Arg("users")!.Split(',').Order().ToArray()).ToList();
        Assert.Equal(2, opened.Count);
        Assert.Equal(members.Order(), opened.SelectMany(u => u).Order());
        Assert.Equal(2, host.Slack.CallsOf("chat.postMessage").Where(c => c.Status == 200 && c.Arg("channel") != "C111").Select(c => c.Arg("channel")).Distinct().Count());
    }
}
