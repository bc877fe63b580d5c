using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Discord.Interactions;

/// <summary>
/// "/job share" without a title or employer opens this form for the long fields (title, employer, location,
/// link, note; Discord allows five, so when the command has no type a type menu takes the link's place and a
/// link can still come as a slash option). The short ones (type, deadline, tags, salary, remote, anonymous, unposted) come from the slash
/// command's own options; they don't fit in the 100-character custom_id, so they wait here, keyed by the
/// interaction id the custom_id carries, until the form comes back (or 15 minutes pass).
/// </summary>
public static class JobShareModal
{
    public const string Prefix = "modal:job:share:";
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(15);
    private static readonly ConcurrentDictionary<string, (IReadOnlyDictionary<string, string> Options, DateTimeOffset At)> Waiting = new(StringComparer.Ordinal);

    /// <summary>The form is wanted when the command lacks a title or an employer.</summary>
    public static bool Wanted(IReadOnlyDictionary<string, string> options) =>
        !options.ContainsKey("title") || !options.ContainsKey("employer");

    public static bool Owns(string? customId) => customId?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>The modal for callback type 9; remembers <paramref name="options"/> until the submission.</summary>
    public static JsonObject Build(string interactionId, IReadOnlyDictionary<string, string> options, DateTimeOffset now)
    {
        foreach (var stale in Waiting.Where(w => now - w.Value.At > Keep).Select(w => w.Key).ToList())
        {
            Waiting.TryRemove(stale, out _);
        }

        Waiting[interactionId] = (options, now);
        return new JsonObject
        {
            ["custom_id"] = Prefix + interactionId,
            ["title"] = "Share a job lead",
            ["components"] = new JsonArray(
                Text("title", "Job title", "Metadata Librarian", required: true, max: 120, options),
                Text("employer", "Employer or institution", "Lawrence Public Library", required: true, max: 120, options),
                Text("location", "Location (leave empty if remote)", "Lawrence, KS", required: false, max: 100, options),
                options.ContainsKey("type")
                    ? Text("link", "Link to the posting (https://…)", "https://example.org/jobs/42", required: false, max: 500, options)
                    : TypeMenu(),
                Text("note", "Note (what the posting doesn't say)", "", required: false, max: 1000, options, paragraph: true)),
        };
    }

    /// <summary>
    /// The "/job share" request a submission makes: the form's fields over the remembered options. A form
    /// whose options were forgotten (a restart, or too late) is refused rather than shared without them,
    /// because one of them may have been "anonymous".
    /// </summary>
    public static CommandRequest? RequestFor(string customId, IReadOnlyDictionary<string, string> fields)
    {
        if (!Waiting.TryRemove(customId[Prefix.Length..], out var waiting))
        {
            return null;
        }

        var options = new Dictionary<string, string>(waiting.Options, StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                options.Remove(name);
            }
            else
            {
                options[name] = value.Trim();
            }
        }

        return new CommandRequest("job", "share", options);
    }

    private static JsonObject TypeMenu() => new()
    {
        ["type"] = 18,
        ["label"] = "Type of position",
        ["component"] = new JsonObject
        {
            ["type"] = 3,
            ["custom_id"] = "type",
            ["required"] = true,
            ["options"] = new JsonArray([.. Core.JobLeads.JobTypes.Names.Select(n => (JsonNode)new JsonObject { ["label"] = n, ["value"] = n })]),
        },
    };

    private static JsonObject Text(string id, string label, string placeholder, bool required, int max, IReadOnlyDictionary<string, string> given, bool paragraph = false)
    {
        var input = new JsonObject
        {
            ["type"] = 4,
            ["custom_id"] = id,
            ["style"] = paragraph ? 2 : 1,
            ["required"] = required,
            ["max_length"] = max,
        };
        if (placeholder.Length > 0)
        {
            input["placeholder"] = placeholder;
        }

        if (given.TryGetValue(id, out var value) && value.Length <= max)
        {
            input["value"] = value;
        }

        return new JsonObject { ["type"] = 18, ["label"] = label, ["component"] = input };
    }
}
