using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Slack.Rendering;

using static NetworkingBot.Slack.Interactions.ModalParts;

namespace NetworkingBot.Slack.Interactions;

/// <summary>
/// The form behind a bare <c>/job share</c>. Each input block is named after the share option it fills, so a
/// submission becomes the same <c>/job share name:value …</c> line a member could type, and each field-level
/// problem the core reports ("• `link`: …") is shown under its field.
/// </summary>
internal static partial class JobShareModal
{
    public const string CallbackId = "job_share";
    private const string ActionId = "value";
    private static readonly string[] YesNo = ["no", "yes"];

    // Each text input carries the core's own limit, so Slack refuses an over-long value while it is typed.
    private static readonly (string Block, string Label, string Hint, IReadOnlyList<string>? Choices, bool Optional, int Max)[] Fields =
    [
        ("title", "Job title", "Metadata Librarian", null, false, LeadValidator.MaxTitle),
        ("employer", "Employer or institution", "Lawrence Public Library", null, false, LeadValidator.MaxEmployer),
        ("type", "Type", "", JobTypes.Names, false, 0),
        ("location", "Location (leave empty if remote)", "Lawrence, KS", null, true, LeadValidator.MaxLocation),
        ("remote", "Remote possible?", "", YesNo, true, 0),
        ("link", "Link to the posting", "https://example.org/jobs/42", null, true, LeadValidator.MaxLink),
        ("deadline", "Deadline (YYYY-MM-DD)", "2026-12-24", null, true, "YYYY-MM-DD".Length),
        ("tags", "Tags", "cataloging, metadata", null, true, MaxTagList),
        ("salary", "Salary", "$55k-62k", null, true, LeadValidator.MaxSalary),
        ("note", "Note", "What you know that the posting doesn't say", null, true, LeadValidator.MaxNote),
        ("anonymous", "Share anonymously?", "", YesNo, true, 0),
        ("unposted", "Heads-up: not yet publicly posted?", "", YesNo, true, 0),
    ];

    public static JsonObject View(string channelId)
    {
        var blocks = new JsonArray();
        foreach (var (block, label, hint, choices, optional, max) in Fields)
        {
            JsonObject element = choices is null
                ? new JsonObject { ["type"] = "plain_text_input", ["action_id"] = ActionId, ["multiline"] = block == "note", ["placeholder"] = Plain(hint), ["max_length"] = max }
                : new JsonObject { ["type"] = "static_select", ["action_id"] = ActionId, ["placeholder"] = Plain("Choose"), ["options"] = Options(choices) };
            blocks.Add(new JsonObject { ["type"] = "input", ["block_id"] = block, ["optional"] = optional, ["label"] = Plain(label), ["element"] = element });
        }

        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = CallbackId,
            ["private_metadata"] = channelId,
            ["title"] = Plain("Share a job lead"),
            ["submit"] = Plain("Share"),
            ["close"] = Plain("Cancel"),
            ["blocks"] = blocks,
        };
    }

    /// <summary>The <c>/job share</c> line for a submitted view; empty fields are left out.</summary>
    public static string CommandLineFor(JsonElement view)
    {
        var line = new StringBuilder("/job share");
        foreach (var (block, _, _, _, _, _) in Fields)
        {
            if (Value(view, block) is { Length: > 0 } value)
            {
                line.Append(' ').Append(block).Append(':').Append(CommandLine.Quote(value));
            }
        }

        return line.ToString();
    }

    /// <summary>Field errors under their fields; anything else (shared, duplicate, no board) replaces the form.</summary>
    public static JsonObject Answer(CommandResult result)
    {
        if (result is Failure { Error: var error })
        {
            var errors = new JsonObject();
            foreach (Match match in FieldProblem().Matches(error.Message))
            {
                if (Fields.Any(f => f.Block == match.Groups[1].Value))
                {
                    errors[match.Groups[1].Value] = match.Groups[2].Value.Trim();
                }
            }

            if (errors.Count > 0)
            {
                return new JsonObject { ["response_action"] = "errors", ["errors"] = errors };
            }
        }

        return new JsonObject
        {
            ["response_action"] = "update",
            ["view"] = new JsonObject
            {
                ["type"] = "modal",
                ["title"] = Plain("Job leads"),
                ["close"] = Plain("Done"),
                ["blocks"] = BlockKit.ViewBlocks(result.Text),
            },
        };
    }

    [GeneratedRegex(@"^• `([a-z-]+)`: (.+)$", RegexOptions.Multiline)]
    private static partial Regex FieldProblem();
}
