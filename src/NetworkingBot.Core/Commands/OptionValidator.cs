namespace NetworkingBot.Core.Commands;

/// <summary>Checks a request's option names, required options and fixed choices against its spec.</summary>
internal static class OptionValidator
{
    public static UserError? Check(SubcommandSpec spec, CommandRequest request)
    {
        foreach (var name in request.Options.Keys)
        {
            if (!spec.Options.Any(o => o.Name == name))
            {
                return Usage(spec, "unknown_option", $"`{spec.Invocation}` has no option `{name}`.");
            }
        }

        foreach (var option in spec.Options)
        {
            var value = request.Option(option.Name);
            if (option.Required && string.IsNullOrWhiteSpace(value))
            {
                return Usage(spec, "missing_option", $"`{spec.Invocation}` needs `{option.Name}` ({option.Description}).");
            }

            if (value is not null && option.Choices is { Count: > 0 } choices && !choices.Contains(value.Trim().ToLowerInvariant(), StringComparer.Ordinal))
            {
                return Usage(spec, "bad_choice", $"`{option.Name}` can be {string.Join(", ", choices.Select(c => $"`{c}`"))}, not `{Clip(value)}`.");
            }
        }

        return null;
    }

    public static UserError Usage(SubcommandSpec spec, string code, string problem)
    {
        var example = spec.Example is null ? string.Empty : $"\nExample: `{spec.Example}`";
        return new UserError(code, $"{problem}\nUsage: `{spec.Usage}`{example}");
    }

    /// <summary>Shortens user text echoed back in an error so a 5,000-character value doesn't flood the reply.</summary>
    public static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
