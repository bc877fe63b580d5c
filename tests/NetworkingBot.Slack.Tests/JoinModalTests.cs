using System.Text.Json;
using NetworkingBot.Core.Commands;
using NetworkingBot.Slack.Interactions;
using NetworkingBot.Testing.FakeSlack;

namespace NetworkingBot.Slack.Tests;

public sealed class JoinModalTests
{
    [Fact]
    public void A_submission_becomes_the_join_line_with_values_quoted_and_blanks_left_out()
    {
        var envelope = SlackEnvelopes.JoinSubmission("U1",
            new Dictionary<string, string> { ["interests"] = "archives, metadata", ["tz"] = "  ", ["region"] = "Kansas \"KC\" City" },
            new Dictionary<string, string> { ["stage"] = "student" });
        var view = JsonSerializer.Deserialize<JsonElement>(envelope["payload"]!["view"]!.ToJsonString());

        var line = JoinModal.CommandLineFor(view);

        Assert.Equal("/coffee join interests:\"archives, metadata\" stage:student region:\"Kansas 'KC' City\"", line);
        var (request, error) = CommandLine.Parse(line);
        Assert.Null(error);
        Assert.Equal("archives, metadata", request!.Option("interests"));
    }

    [Theory]
    [InlineData("bad_timezone", "`Mars` isn't a time zone I know.", "tz")]
    [InlineData("bad_tag", "`x y` isn't a usable interest.", "interests")]
    [InlineData("too_many_tags", "Please give at most 10 interests.", "interests")]
    [InlineData("region_too_long", "The region can be at most 100 characters.", "region")]
    [InlineData("bad_choice", "`cadence` can be `weekly`, `biweekly`, `monthly`, not `daily`.\nUsage: ...", "cadence")]
    [InlineData("already_joined", "You're already in coffee chats.", null)]
    public void Errors_land_on_the_field_they_are_about(string code, string message, string? block) =>
        Assert.Equal(block, JoinModal.BlockFor(new UserError(code, message)));
}
