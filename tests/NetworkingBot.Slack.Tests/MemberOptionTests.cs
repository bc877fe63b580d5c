using NetworkingBot.Core.Commands;
using NetworkingBot.Testing.FakeSlack;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Slack.Tests;

/// <summary>A member option on Slack: a mention as Slack escapes it, resolved through users.info (bot flag included).</summary>
public sealed class MemberOptionTests
{
    private static async Task<string> RosterAsync(SlackTestHost host, string text, FakeSlackSocket? socket = null)
    {
        socket ??= await host.Slack.NextSocketAsync();
        var ack = await host.SendAsync(socket, SlackEnvelopes.SlashCommand(text, "U0CLB001", command: "/club"));
        // The answer is Slack text, so the raw value comes back escaped; the test reads what the member sees.
        return ack.Payload!.Value.GetProperty("text").GetString()!
            .Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("roster member:<@U0BOB002>")]
    [InlineData("roster member:<@U0BOB002|bob>")]
    [InlineData("roster member:<@U0BOB002|bob smith> note:hi")]
    public async Task A_mention_resolves_to_the_user_id_and_users_info_name(string text)
    {
        await using var host = await SlackTestHost.StartAsync(extra: s => s.AddCommand<ClubRosterHandler>());
        host.Slack.AddUser("U0BOB002", name: "Bob");

        Assert.Contains("member=U0BOB002; resolved=U0BOB002/Bob/person", await RosterAsync(host, text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bot_is_marked_as_one()
    {
        await using var host = await SlackTestHost.StartAsync(extra: s => s.AddCommand<ClubRosterHandler>());
        host.Slack.AddUser("U0HELPER", name: "helper", isBot: true);

        Assert.Contains("resolved=U0HELPER/helper/bot", await RosterAsync(host, "roster member:<@U0HELPER|helper>"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("roster member:bob", "member=bob; resolved=-")]
    [InlineData("roster member:<#C0123|general>", "member=<#C0123|general>; resolved=-")]
    [InlineData("roster member:<!here>", "member=<!here>; resolved=-")]
    [InlineData("roster member:<@&S0123>", "member=<@&S0123>; resolved=-")]
    public async Task What_is_not_a_mention_is_left_unresolved_without_asking_Slack(string text, string expected)
    {
        await using var host = await SlackTestHost.StartAsync(extra: s => s.AddCommand<ClubRosterHandler>());

        Assert.Contains(expected, await RosterAsync(host, text), StringComparison.Ordinal);
        Assert.Empty(host.Slack.CallsOf("users.info"));
    }

    [Fact]
    public async Task A_user_Slack_does_not_know_or_a_failed_lookup_is_unknown_not_a_fault()
    {
        await using var host = await SlackTestHost.StartAsync(extra: s => s.AddCommand<ClubRosterHandler>());
        host.Slack.AddUser("U0BOB002", name: "Bob");
        host.Slack.FailNext("users.info", "ratelimited");

        var socket = await host.Slack.NextSocketAsync();

        Assert.Contains("member=<@U0BOB002|bob>; resolved=-", await RosterAsync(host, "roster member:<@U0BOB002|bob>", socket), StringComparison.Ordinal);
        Assert.Contains("member=<@U0NOBODY>; resolved=-", await RosterAsync(host, "roster member:<@U0NOBODY>", socket), StringComparison.Ordinal);
        Assert.Equal(["U0BOB002", "U0NOBODY"], host.Slack.CallsOf("users.info").Select(c => c.Args["user"]));
    }

    [Fact]
    public async Task A_member_picked_in_a_form_is_resolved_by_id()
    {
        await using var host = await SlackTestHost.StartAsync(extra: s => s.AddCommand<ProposeBookHandler>());
        host.Slack.AddUser("U0BOB002", name: "Bob");
        var socket = await host.Slack.NextSocketAsync();
        var submission = SlackEnvelopes.JoinSubmission("U0CLB001",
            new Dictionary<string, string> { ["book"] = "Middlemarch" }, new Dictionary<string, string>(), callbackId: ProposeBookHandler.Spec.FormId);
        submission["payload"]!["view"]!["state"]!["values"]!["host"] = new System.Text.Json.Nodes.JsonObject
        {
            ["value"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "users_select", ["selected_user"] = "U0BOB002" },
        };

        var ack = await host.SendAsync(socket, submission);

        Assert.Contains("proposed: book=Middlemarch; host=U0BOB002 (host: Bob)", ack.Payload!.Value.GetProperty("view").GetRawText(), StringComparison.Ordinal);
    }
}
