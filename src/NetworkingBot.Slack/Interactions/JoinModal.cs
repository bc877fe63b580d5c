using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Commands;
using NetworkingBot.Slack.Rendering;

using static NetworkingBot.Slack.Interactions.ModalParts;

namespace NetworkingBot.Slack.Interactions;

/// <summary>
/// The profile form behind an empty <c>/coffee join</c>. Each input block is named after the join option it
/// fills, so a submission becomes the same <c>/coffee join name:value …</c> line a member could type.
/// </summary>
internal static class JoinModal
{
    public const string CallbackId = "coffee_join";
    private const string ActionId = "value";

    /// <summary>The longest IANA zone name is 32 characters (America/Argentina/ComodRivadavia); Discord's form allows 64 too.</summary>
    internal const int MaxTimeZone = 64;

    // Interests and time zone are required, as on the Discord form: an empty form must not join with defaults.
    private static readonly (string Block, string Label, string Hint, IReadOnlyList<string>? Choices, bool Required, int Max)[] Fields =
    [
        ("interests", "Interests or specialties", "archives, metadata, reference", null, true, MaxTagList),
        ("tz", "Time zone", "America/Chicago", null, true, MaxTimeZone),
        ("stage", "Career stage", "", ProfileText.Stages, false, 0),
        ("looking", "Who you'd like to meet", "", ProfileText.Lookings, false, 0),
        ("format", "How you'd like to meet", "", ProfileText.Formats, false, 0),
        ("cadence", "How often", "", ProfileText.Cadences, false, 0),
        ("region", "City or area (for in-person chats)", "Kansas City", null, false, OptionParsers.MaxRegionLength),
    ];

    /// <summary>The modal for views.open. The channel rides in private_metadata so the submission knows where it came from.</summary>
    public static JsonObject View(string channelId, string? timeZone)
    {
        var blocks = new JsonArray();
        foreach (var (block, label, hint, choices, required, max) in Fields)
        {
            JsonObject element = choices is null
                ? new JsonObject { ["type"] = "plain_text_input", ["action_id"] = ActionId, ["placeholder"] = Plain(hint), ["max_length"] = max }
                : new JsonObject { ["type"] = "static_select", ["action_id"] = ActionId, ["placeholder"] = Plain("Choose"), ["options"] = Options(choices) };
            if (block == "tz" && !string.IsNullOrEmpty(timeZone))
            {
                element["initial_value"] = timeZone;
            }

            blocks.Add(new JsonObject { ["type"] = "input", ["block_id"] = block, ["optional"] = !required, ["label"] = Plain(label), ["element"] = element });
        }

        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = CallbackId,
            ["private_metadata"] = channelId,
            ["title"] = Plain("Join coffee chats"),
            ["submit"] = Plain("Join"),
            ["close"] = Plain("Cancel"),
            ["blocks"] = blocks,
        };
    }

    /// <summary>The <c>/coffee join</c> line for a submitted view; empty fields are left out so defaults apply.</summary>
    public static string CommandLineFor(JsonElement view)
    {
        var line = new StringBuilder("/coffee join");
        foreach (var (block, _, _, _, _, _) in Fields)
        {
            if (Value(view, block) is { Length: > 0 } value)
            {
                line.Append(' ').Append(block).Append(':').Append(CommandLine.Quote(value));
            }
        }

        return line.ToString();
    }

    /// <summary>
    /// Field errors for required fields left empty (Slack enforces them in its client, but a submission can still
    /// arrive without them), or null when every required field has a value.
    /// </summary>
    public static JsonObject? MissingFields(JsonElement view)
    {
        var errors = new JsonObject();
        foreach (var (block, label, _, _, _, _) in Fields.Where(f => f.Required && Value(view, f.Block) is not { Length: > 0 }))
        {
            errors[block] = $"Please fill in {label.ToLowerInvariant()}; nothing was saved.";
        }

        return errors.Count == 0 ? null : new JsonObject { ["response_action"] = "errors", ["errors"] = errors };
    }

    /// <summary>
    /// The ack payload for a failed submission: field errors under the block the problem is about, or, for a
    /// problem with no field (already joined), the form replaced by the explanation.
    /// </summary>
    public static JsonObject Answer(CommandResult result)
    {
        if (result is Failure { Error: var error } && BlockFor(error) is { } block)
        {
            var message = error.Message.Split('\n')[0];
            return new JsonObject { ["response_action"] = "errors", ["errors"] = new JsonObject { [block] = message } };
        }

        return new JsonObject
        {
            ["response_action"] = "update",
            ["view"] = new JsonObject
            {
                ["type"] = "modal",
                ["title"] = Plain("Coffee chats"),
                ["close"] = Plain("Done"),
                ["blocks"] = BlockKit.ViewBlocks(result.Text),
            },
        };
    }

    internal static string? BlockFor(UserError error) => error.Code switch
    {
        "bad_tag" or "too_many_tags" => "interests",
        "bad_timezone" => "tz",
        "region_too_long" => "region",
        // Choice and option errors name the option first, in backticks.
        _ => Fields.Select(f => f.Block).FirstOrDefault(b => error.Message.StartsWith($"`{b}`", StringComparison.Ordinal)),
    };

}
