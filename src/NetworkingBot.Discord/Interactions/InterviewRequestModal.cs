using System.Text.Json.Nodes;
using NetworkingBot.Core.Interviews;

namespace NetworkingBot.Discord.Interactions;

/// <summary>
/// "/interview request" without <c>learn</c> opens this form: what the member wants to learn is free text up to
/// 500 characters, which a paragraph input suits better than a one-line option. Its inputs' custom_ids are the
/// request's options, so the submission becomes an ordinary "/interview request" command.
/// </summary>
public static class InterviewRequestModal
{
    public const string CustomId = "modal:interview:request";

    /// <summary>The form, with the specialties already typed (if any) filled in.</summary>
    public static JsonObject Build(string? specialties) => new()
    {
        ["custom_id"] = CustomId,
        ["title"] = "Ask for an informational interview",
        ["components"] = new JsonArray(
            Text("specialties", "Specialties (comma-separated)", "archives, law", style: 1, max: 300, value: specialties),
            Text("learn", "What would you like to learn?", "A few sentences for the volunteer", style: 2, max: InterviewInput.MaxLearn, value: null)),
    };

    private static JsonObject Text(string id, string label, string placeholder, int style, int max, string? value)
    {
        var input = new JsonObject
        {
            ["type"] = 4,
            ["custom_id"] = id,
            ["style"] = style,
            ["placeholder"] = placeholder,
            ["required"] = true,
            ["max_length"] = max,
        };
        if (!string.IsNullOrWhiteSpace(value))
        {
            input["value"] = value;
        }

        return new JsonObject { ["type"] = 18, ["label"] = label, ["component"] = input };
    }
}
