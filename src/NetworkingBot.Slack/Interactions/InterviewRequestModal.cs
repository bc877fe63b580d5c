using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Slack.Api;
using NetworkingBot.Slack.Rendering;

using static NetworkingBot.Slack.Interactions.ModalParts;

namespace NetworkingBot.Slack.Interactions;

/// <summary>
/// The form behind a bare <c>/interview request</c>: specialties and what the member wants to learn (a multi-line
/// input, up to 500 characters). Its blocks are named after the request's options, so a submission becomes the
/// same <c>/interview request name:value …</c> line a member could type.
/// </summary>
internal static class InterviewRequestModal
{
    public const string CallbackId = "interview_request";
    private const string ActionId = "value";
    private static readonly string[] Blocks = ["specialties", "learn"];

    public static JsonObject View(string channelId) => new()
    {
        ["type"] = "modal",
        ["callback_id"] = CallbackId,
        ["private_metadata"] = channelId,
        ["title"] = Plain("Informational interview"),
        ["submit"] = Plain("Ask"),
        ["close"] = Plain("Cancel"),
        ["blocks"] = new JsonArray(
            Input("specialties", "Specialties (comma-separated)", "archives, law", multiline: false, max: MaxTagList),
            Input("learn", "What would you like to learn?", "A few sentences for the volunteer", multiline: true, max: InterviewInput.MaxLearn)),
    };

    public static string CommandLineFor(JsonElement view)
    {
        var line = new StringBuilder("/interview request");
        foreach (var block in Blocks)
        {
            if (Value(view, block) is { Length: > 0 } value)
            {
                line.Append(' ').Append(block).Append(':').Append(CommandLine.Quote(value));
            }
        }

        return line.ToString();
    }

    /// <summary>A problem with one field is shown under it; anything else replaces the form with the answer.</summary>
    public static JsonObject Answer(CommandResult result)
    {
        if (result is Failure { Error: var error } && BlockFor(error) is { } block)
        {
            return new JsonObject { ["response_action"] = "errors", ["errors"] = new JsonObject { [block] = error.Message.Split('\n')[0] } };
        }

        return new JsonObject
        {
            ["response_action"] = "update",
            ["view"] = new JsonObject
            {
                ["type"] = "modal",
                ["title"] = Plain("Informational interview"),
                ["close"] = Plain("Done"),
                ["blocks"] = BlockKit.ViewBlocks(result.Text),
            },
        };
    }

    internal static string? BlockFor(UserError error) => error.Code switch
    {
        "no_specialties" or "bad_tag" or "too_many_tags" or "self_request" => "specialties",
        "learn_too_long" => "learn",
        "missing_option" => Blocks.FirstOrDefault(b => error.Message.Contains($"`{b}", StringComparison.Ordinal)),
        _ => null,
    };

    private static JsonObject Input(string block, string label, string hint, bool multiline, int max) => new()
    {
        ["type"] = "input",
        ["block_id"] = block,
        ["label"] = Plain(label),
        ["element"] = new JsonObject
        {
            ["type"] = "plain_text_input", ["action_id"] = ActionId, ["multiline"] = multiline, ["max_length"] = max, ["placeholder"] = Plain(hint),
        },
    };
}
