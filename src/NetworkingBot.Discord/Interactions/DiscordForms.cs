using System.Text.Json.Nodes;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Forms;

namespace NetworkingBot.Discord.Interactions;

/// <summary>
/// The one Discord form renderer and submission reader. A subcommand's <see cref="FormSpec"/> becomes a modal (callback
/// type 9) of labelled components; its submission, found by the modal's custom_id ("modal:program:subcommand"),
/// becomes that subcommand's <see cref="CommandRequest"/>. A modal holds five inputs, so it shows the form's first
/// fields the command did not already carry as a choice; options it does not show wait in <see cref="FormMemory"/>,
/// keyed by the interaction id the custom_id then carries, until the form comes back. Every form in the catalogue is
/// checked against Discord's limits when this is built, at start.
/// </summary>
public sealed class DiscordForms
{
    /// <summary>Discord's modal limits: five components, 45-character title and labels, 4000-character text, 25 options, 100-character custom_id and placeholder.</summary>
    public const int MaxInputs = 5;
    public const int MaxTitle = 45;
    public const int MaxLabel = 45;
    public const int MaxValue = 4000;
    public const int MaxOptions = 25;
    public const int MaxPlaceholder = 100;
    public const int MaxCustomId = 100;
    private const string Prefix = "modal:";
    private const int DateLength = 10;

    private readonly CommandCatalog _catalog;
    private readonly FormMemory _memory;

    public DiscordForms(CommandCatalog catalog, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var problems = catalog.Forms.SelectMany(Problems).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Some forms cannot be shown on Discord: " + string.Join("; ", problems));
        }

        _catalog = catalog;
        _memory = new FormMemory(time);
    }

    /// <summary>What keeps <paramref name="spec"/>'s form from being a Discord modal; empty when it fits.</summary>
    public static IEnumerable<string> Problems(SubcommandSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var form = spec.Form!;
        var name = $"/{spec.Program} {spec.Name}";
        if (form.Title.Length > MaxTitle)
        {
            yield return $"{name}: the title \"{form.Title}\" is over {MaxTitle} characters";
        }

        // Optional fields past the fifth come from the command's options; required ones must all fit in one modal.
        if (form.Fields.Count(f => f.Required) > MaxInputs)
        {
            yield return $"{name}: {form.Fields.Count(f => f.Required)} required fields, but a modal holds {MaxInputs} inputs";
        }

        if ($"{Prefix}{spec.Program}:{spec.Name}:{new string('9', 20)}".Length > MaxCustomId)
        {
            yield return $"{name}: its modal id would be over {MaxCustomId} characters";
        }

        foreach (var field in form.Fields)
        {
            if (field.Label.Length > MaxLabel)
            {
                yield return $"{name}: the label \"{field.Label}\" is over {MaxLabel} characters";
            }

            if (field.MaxLength > MaxValue)
            {
                yield return $"{name}: {field.Name} allows {field.MaxLength} characters, over Discord's {MaxValue}";
            }

            if (field.Choices?.Count > MaxOptions)
            {
                yield return $"{name}: {field.Name} has {field.Choices.Count} choices, over {MaxOptions}";
            }

            if (field.Placeholder?.Length > MaxPlaceholder)
            {
                yield return $"{name}: the placeholder of {field.Name} is over {MaxPlaceholder} characters";
            }
        }
    }

    /// <summary>The subcommand whose form <paramref name="request"/> opens instead of running, or null.</summary>
    public SubcommandSpec? FormFor(CommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _catalog.Find(request.Program, request.Subcommand)?.Spec is { Form: { } form } spec && form.OpensFor(request) ? spec : null;
    }

    /// <summary>The modal for callback type 9: the fields it shows, the ones the command typed filled in.</summary>
    public JsonObject Build(SubcommandSpec spec, CommandRequest request, string interactionId)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(request);
        var form = spec.Form!;
        var shown = form.Fields.Where(f => !(IsMenu(f) && request.Has(f.Name))).Take(MaxInputs).ToList();
        var carried = request.Options.Where(o => shown.All(f => f.Name != o.Key)).ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);
        var customId = $"{Prefix}{spec.Program}:{spec.Name}";
        if (carried.Count > 0)
        {
            _memory.Keep(interactionId, carried);
            customId += ":" + interactionId;
        }

        return new JsonObject
        {
            ["custom_id"] = customId,
            ["title"] = form.Title,
            ["components"] = new JsonArray([.. shown.Select(f => (JsonNode)Component(f, request.Option(f.Name)))]),
        };
    }

    /// <summary>
    /// A submission read back: the subcommand (null when the custom_id is no form of ours) and its request (null when
    /// the options the command carried were forgotten: a restart, or too late).
    /// </summary>
    public (SubcommandSpec? Spec, CommandRequest? Request) Read(string? customId, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (customId is null || !customId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return (null, null);
        }

        var parts = customId[Prefix.Length..].Split(':');
        if (parts.Length is < 2 or > 3 || _catalog.Find(parts[0], parts[1])?.Spec is not { Form: not null } spec)
        {
            return (null, null);
        }

        IReadOnlyDictionary<string, string>? carried = null;
        if (parts.Length == 3 && (carried = _memory.Take(parts[2])) is null)
        {
            return (spec, null);
        }

        return (spec, FormSubmission.ToRequest(spec, fields, carried));
    }

    private static bool IsMenu(FormField field) => field.Kind is FieldKind.Choice or FieldKind.MultiChoice or FieldKind.Member;

    private static JsonObject Component(FormField field, string? given)
    {
        JsonObject component = field.Kind switch
        {
            FieldKind.Choice or FieldKind.MultiChoice => new JsonObject
            {
                ["type"] = 3,
                ["custom_id"] = field.Name,
                ["required"] = field.Required,
                ["options"] = new JsonArray([.. (field.Choices ?? []).Select(c => (JsonNode)new JsonObject { ["label"] = c, ["value"] = c })]),
            },
            FieldKind.Member => new JsonObject { ["type"] = 5, ["custom_id"] = field.Name, ["required"] = field.Required, ["max_values"] = 1 },
            _ => Text(field, given),
        };
        if (field.Kind == FieldKind.MultiChoice)
        {
            component["min_values"] = field.Required ? 1 : 0;
            component["max_values"] = field.Choices?.Count ?? 1;
        }

        return new JsonObject { ["type"] = 18, ["label"] = field.Label, ["component"] = component };
    }

    private static JsonObject Text(FormField field, string? given)
    {
        var max = field.Kind == FieldKind.Date ? DateLength : field.MaxLength is > 0 and var m ? m : MaxValue;
        var input = new JsonObject
        {
            ["type"] = 4,
            ["custom_id"] = field.Name,
            ["style"] = field.Kind == FieldKind.LongText ? 2 : 1,
            ["required"] = field.Required,
            ["max_length"] = max,
        };
        if ((field.Placeholder ?? (field.Kind == FieldKind.Date ? "YYYY-MM-DD" : null)) is { Length: > 0 } placeholder)
        {
            input["placeholder"] = placeholder;
        }

        if (!string.IsNullOrWhiteSpace(given) && given.Length <= max)
        {
            input["value"] = given;
        }

        return input;
    }
}
