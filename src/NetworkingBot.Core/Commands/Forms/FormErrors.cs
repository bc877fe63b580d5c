using System.Text.RegularExpressions;

namespace NetworkingBot.Core.Commands.Forms;

/// <summary>
/// Finds the fields a command's refusal is about, so a platform that can show errors under fields (Slack) does, and
/// the form stays open with what the member typed. Null when the refusal is about no field (already joined, say).
/// </summary>
public static partial class FormErrors
{
    public static IReadOnlyDictionary<string, string>? Locate(FormSpec form, UserError error)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(error);
        var first = error.Message.Split('\n')[0];

        // Several problems at once, one line each: "• `link`: must start with http(s)://".
        var listed = FieldProblem().Matches(error.Message)
            .Where(m => form.Field(m.Groups[1].Value) is not null)
            .GroupBy(m => m.Groups[1].Value)
            .ToDictionary(g => g.Key, g => g.First().Groups[2].Value.Trim(), StringComparer.Ordinal);
        if (listed.Count > 0)
        {
            return listed;
        }

        var field = form.Fields.FirstOrDefault(f => f.ErrorCodes.Contains(error.Code, StringComparer.Ordinal))
            // A missing option is named in backticks somewhere in the message; choice and option errors name it first.
            ?? (error.Code == "missing_option" ? form.Fields.FirstOrDefault(f => error.Message.Contains($"`{f.Name}", StringComparison.Ordinal)) : null)
            ?? form.Fields.FirstOrDefault(f => error.Message.StartsWith($"`{f.Name}`", StringComparison.Ordinal));
        return field is null ? null : new Dictionary<string, string>(StringComparer.Ordinal) { [field.Name] = first };
    }

    [GeneratedRegex(@"^• `([a-z-]+)`: (.+)$", RegexOptions.Multiline)]
    private static partial Regex FieldProblem();
}
