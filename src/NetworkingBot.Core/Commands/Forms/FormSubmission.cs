namespace NetworkingBot.Core.Commands.Forms;

/// <summary>
/// Turns a submitted form back into its subcommand's request: the form's fields over the options the command already
/// carried, blanks left out so defaults apply. Fields the form does not have are ignored, so a forged submission can
/// add nothing the form does not ask.
/// </summary>
public static class FormSubmission
{
    public static CommandRequest ToRequest(SubcommandSpec spec, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string>? carried = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(values);
        var form = spec.Form ?? throw new ArgumentException($"/{spec.Program} {spec.Name} has no form.", nameof(spec));
        var options = new Dictionary<string, string>(carried ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var field in form.Fields)
        {
            if (values.TryGetValue(field.Name, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                options[field.Name] = value.Trim();
            }
            else if (values.ContainsKey(field.Name))
            {
                // Emptied in the form: the member took it out.
                options.Remove(field.Name);
            }
        }

        return new CommandRequest(spec.Program, spec.Name, options);
    }

    /// <summary>
    /// For a form that <see cref="FormSpec.RefusesMissingFields"/>: a message under each required field left empty, or
    /// null when every one has a value.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? Missing(FormSpec form, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(values);
        if (!form.RefusesMissingFields)
        {
            return null;
        }

        var missing = form.Fields
            .Where(f => f.Required && (!values.TryGetValue(f.Name, out var v) || string.IsNullOrWhiteSpace(v)))
            .ToDictionary(f => f.Name, f => $"Please fill in {f.Label.ToLowerInvariant()}; nothing was saved.", StringComparer.Ordinal);
        return missing.Count == 0 ? null : missing;
    }
}
