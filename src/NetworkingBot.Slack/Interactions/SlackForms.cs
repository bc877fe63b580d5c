using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Forms;
using NetworkingBot.Slack.Rendering;

using static NetworkingBot.Slack.Interactions.ModalParts;

namespace NetworkingBot.Slack.Interactions;

/// <summary>
/// The one Slack form renderer and submission reader: any subcommand's <see cref="FormSpec"/> becomes a
/// <c>views.open</c> modal (callback_id = the form's id, one input block per field, named after its option), and a
/// <c>view_submission</c> becomes that subcommand's <see cref="CommandRequest"/>. Every form is checked against
/// Slack's limits when this is built, at start, so a spec Slack would refuse never reaches a member.
/// </summary>
internal sealed class SlackForms
{
    /// <summary>Slack's limits for a modal (Block Kit reference: view title 24, input label 2000, plain_text_input max_length 3000, 100 options).</summary>
    public const int MaxTitle = 24;
    public const int MaxLabel = 2000;
    public const int MaxText = 3000;
    public const int MaxOptions = 100;
    public const int MaxBlocks = 100;

    private readonly HashSet<string> _checked;

    public SlackForms(CommandCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _checked = [.. catalog.Forms.Select(s => s.FormId)];
        var problems = catalog.Forms.SelectMany(Problems).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Some forms cannot be shown on Slack: " + string.Join("; ", problems));
        }
    }

    /// <summary>What keeps <paramref name="spec"/>'s form from being a Slack modal; empty when it fits.</summary>
    public static IEnumerable<string> Problems(SubcommandSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var form = spec.Form!;
        var name = spec.Invocation;
        if (form.Title.Length > MaxTitle)
        {
            yield return $"{name}: the title \"{form.Title}\" is over {MaxTitle} characters";
        }

        if (form.Fields.Count > MaxBlocks)
        {
            yield return $"{name}: {form.Fields.Count} fields, over {MaxBlocks}";
        }

        foreach (var field in form.Fields)
        {
            if (field.Label.Length > MaxLabel)
            {
                yield return $"{name}: the label of {field.Name} is over {MaxLabel} characters";
            }

            if (field.MaxLength > MaxText)
            {
                yield return $"{name}: {field.Name} allows {field.MaxLength} characters, over Slack's {MaxText}";
            }

            if (field.Choices?.Count > MaxOptions)
            {
                yield return $"{name}: {field.Name} has {field.Choices.Count} choices, over {MaxOptions}";
            }
        }
    }

    /// <summary>The modal for views.open. The channel rides in private_metadata so the submission knows where it came from.</summary>
    public JsonObject View(SubcommandSpec spec, string channelId, string? timeZone)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var form = spec.Form ?? throw new ArgumentException($"/{spec.Program} {spec.Name} has no form.", nameof(spec));
        if (!_checked.Contains(spec.FormId))
        {
            throw new InvalidOperationException($"The {spec.FormId} form is not in the catalogue, so it was never checked against Slack's limits.");
        }

        var blocks = new JsonArray();
        foreach (var field in form.Fields)
        {
            var element = Element(field);
            if (field.Default == FieldDefault.MemberTimeZone && !string.IsNullOrEmpty(timeZone))
            {
                element["initial_value"] = timeZone;
            }

            blocks.Add(new JsonObject { ["type"] = "input", ["block_id"] = field.Name, ["optional"] = !field.Required, ["label"] = Plain(field.Label), ["element"] = element });
        }

        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = spec.FormId,
            ["private_metadata"] = channelId,
            ["title"] = Plain(form.Title),
            ["submit"] = Plain(form.Submit),
            ["close"] = Plain("Cancel"),
            ["blocks"] = blocks,
        };
    }

    /// <summary>Whether the form fills something in from what Slack knows about the member (so it may need users.info).</summary>
    public static bool WantsTimeZone(FormSpec form) => form.Fields.Any(f => f.Default == FieldDefault.MemberTimeZone);

    /// <summary>The submitted values of the form's fields, by field name; blank and malformed inputs are absent.</summary>
    public static Dictionary<string, string> Values(FormSpec form, JsonElement view)
    {
        ArgumentNullException.ThrowIfNull(form);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in form.Fields)
        {
            if (Value(view, field.Name) is { Length: > 0 } value)
            {
                values[field.Name] = value;
            }
        }

        return values;
    }

    /// <summary>Problems shown under their fields; the form stays open with what the member typed.</summary>
    public static JsonObject Errors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var byField = new JsonObject();
        foreach (var (field, message) in errors)
        {
            byField[field] = message;
        }

        return new JsonObject { ["response_action"] = "errors", ["errors"] = byField };
    }

    /// <summary>
    /// The ack payload for a submission's result: a refusal about fields under those fields, anything else (done,
    /// already joined) replaces the form with the answer.
    /// </summary>
    public static JsonObject Answer(FormSpec form, CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(result);
        if (result is Failure { Error: var error } && FormErrors.Locate(form, error) is { } errors)
        {
            return Errors(errors);
        }

        return new JsonObject
        {
            ["response_action"] = "update",
            ["view"] = new JsonObject
            {
                ["type"] = "modal",
                ["title"] = Plain(form.Title),
                ["close"] = Plain("Done"),
                ["blocks"] = BlockKit.ViewBlocks(result.Text),
            },
        };
    }

    private static JsonObject Element(FormField field)
    {
        var element = field.Kind switch
        {
            FieldKind.Choice => new JsonObject { ["type"] = "static_select", ["placeholder"] = Plain("Choose"), ["options"] = Options(field.Choices ?? []) },
            FieldKind.MultiChoice => new JsonObject { ["type"] = "multi_static_select", ["placeholder"] = Plain("Choose"), ["options"] = Options(field.Choices ?? []) },
            FieldKind.Member => new JsonObject { ["type"] = "users_select", ["placeholder"] = Plain(field.Placeholder ?? "Choose someone") },
            FieldKind.Date => new JsonObject { ["type"] = "datepicker", ["placeholder"] = Plain(field.Placeholder ?? "Choose a date") },
            _ => Text(field),
        };
        element["action_id"] = ActionId;
        return element;
    }

    private static JsonObject Text(FormField field)
    {
        var input = new JsonObject { ["type"] = "plain_text_input", ["multiline"] = field.Kind == FieldKind.LongText };
        if (field.MaxLength > 0)
        {
            input["max_length"] = field.MaxLength;
        }

        if (!string.IsNullOrEmpty(field.Placeholder))
        {
            input["placeholder"] = Plain(field.Placeholder);
        }

        return input;
    }
}
