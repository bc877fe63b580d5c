using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Interviews;

/// <summary>Reads and bounds the free-text and tag options of interview commands; every problem is a polite <see cref="UserError"/>.</summary>
public static class InterviewInput
{
    public const int MaxLearn = 500;
    public const int MaxRole = 100;
    public const int MaxNote = 300;
    public const int MaxContact = 200;
    public const int MaxCapacity = 10;

    public static (IReadOnlyList<string>? Specialties, UserError? Error) Specialties(string? raw)
    {
        var (tags, error) = OptionParsers.Tags(raw ?? "");
        if (error is not null)
        {
            return (null, error with { Message = error.Message.Replace("interests", "specialties", StringComparison.Ordinal).Replace("interest", "specialty", StringComparison.Ordinal) });
        }

        return tags!.Count == 0
            ? (null, new UserError("no_specialties", "Please name at least one specialty, separated by commas, like `specialties:archives,law`."))
            : (tags, null);
    }

    /// <summary>Trims, bounds and defuses mass mentions in a free-text option; null when absent or blank.</summary>
    public static (string? Text, UserError? Error) Text(string name, string? raw, int max)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return (null, null);
        }

        return text.Length > max
            ? (null, new UserError($"{name}_too_long", $"`{name}` can be at most {max} characters; yours has {text.Length}. Please shorten it and send it again (nothing was saved)."))
            : (OptionParsers.Sanitize(text), null);
    }

    public static (string? Zone, UserError? Error) TimeZone(string? raw) =>
        string.IsNullOrWhiteSpace(raw) ? (null, null) : OptionParsers.TimeZone(raw);
}
