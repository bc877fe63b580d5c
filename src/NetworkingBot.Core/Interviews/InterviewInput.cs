using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Interviews;

/// <summary>
/// The bounds and tag options of interview commands; every problem is a polite <see cref="UserError"/>. Free text goes
/// through <see cref="Text.MemberText"/> like every program's.
/// </summary>
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

    public static (string? Zone, UserError? Error) TimeZone(string? raw) =>
        string.IsNullOrWhiteSpace(raw) ? (null, null) : OptionParsers.TimeZone(raw);
}
