using System.Text.Json;
using NetworkingBot.Core.CoffeeChats.Handlers;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Forms;
using NetworkingBot.Core.Interviews.Handlers;
using NetworkingBot.Slack.Interactions;
using NetworkingBot.Testing.FakeSlack;

namespace NetworkingBot.Slack.Tests;

/// <summary>The one Slack form reader: a view_submission becomes its subcommand's request, and refusals land under their fields.</summary>
public sealed class SlackFormReaderTests
{
    [Fact]
    public void A_submission_becomes_the_join_request_with_blanks_left_out()
    {
        var envelope = SlackEnvelopes.JoinSubmission("U1",
            new Dictionary<string, string> { ["interests"] = "archives, metadata", ["tz"] = "  ", ["region"] = "Kansas \"KC\" City", ["colour"] = "blue" },
            new Dictionary<string, string> { ["stage"] = "student" });
        var view = JsonSerializer.Deserialize<JsonElement>(envelope["payload"]!["view"]!.ToJsonString());

        var request = FormSubmission.ToRequest(JoinHandler.Spec, SlackForms.Values(JoinHandler.Spec.Form!, view));

        Assert.Equal(("coffee", "join"), (request.Program, request.Subcommand));
        Assert.Equal(
            new Dictionary<string, string> { ["interests"] = "archives, metadata", ["stage"] = "student", ["region"] = "Kansas \"KC\" City" },
            request.Options);
    }

    [Theory]
    [InlineData("bad_timezone", "`Mars` isn't a time zone I know.", "tz")]
    [InlineData("bad_tag", "`x y` isn't a usable interest.", "interests")]
    [InlineData("too_many_tags", "Please give at most 10 interests.", "interests")]
    [InlineData("region_too_long", "The region can be at most 100 characters.", "region")]
    [InlineData("bad_choice", "`cadence` can be `weekly`, `biweekly`, `monthly`, not `daily`.\nUsage: ...", "cadence")]
    [InlineData("already_joined", "You're already in coffee chats.", null)]
    public void Join_errors_land_on_the_field_they_are_about(string code, string message, string? field) =>
        Assert.Equal(field, FormErrors.Locate(JoinHandler.Spec.Form!, new UserError(code, message))?.Keys.Single());

    [Theory]
    [InlineData("no_specialties", "Please name at least one specialty", "specialties")]
    [InlineData("learn_too_long", "`learn` can be at most 500 characters", "learn")]
    [InlineData("missing_option", "Tell the volunteer what you want to learn with `learn:\"...\"`.", "learn")]
    [InlineData("too_many_open", "You already have 3 open requests.", null)]
    public void Interview_errors_land_on_their_field(string code, string message, string? field) =>
        Assert.Equal(field, FormErrors.Locate(RequestHandler.Spec.Form!, new UserError(code, message))?.Keys.Single());
}
