using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Text;

namespace NetworkingBot.Core.JobLeads;

/// <summary>
/// Turns the options of <c>/job share</c> into a lead, or into every field-level problem at once, each message
/// starting with the field's name in backticks (the Slack form places it under that field).
/// </summary>
public static class JobLeadValidator
{
    public const int MaxTitle = 120;
    public const int MaxEmployer = 120;
    public const int MaxLocation = 100;
    public const int MaxLink = 500;
    public const int MaxSalary = 80;
    public const int MaxNote = 1000;

    /// <summary>How far ahead a deadline may be: postings rarely run a year, and a lead expires at its deadline.</summary>
    public const int MaxDeadlineYears = 2;

    /// <summary>The lead (number 0 until stored) or the problems; <paramref name="zone"/> is the sharer's time zone.</summary>
    public static (JobLead? Lead, IReadOnlyList<UserError> Errors) Validate(
        CommandRequest request, CommandContext context, TimeZoneInfo zone, DateTimeOffset now, int expiryDays)
    {
        var errors = new List<UserError>();
        var title = Text(request, "title", MaxTitle, required: true, errors);
        var employer = Text(request, "employer", MaxEmployer, required: true, errors);
        var location = Text(request, "location", MaxLocation, required: false, errors);
        var salary = Text(request, "salary", MaxSalary, required: false, errors);
        var note = Text(request, "note", MaxNote, required: false, errors, multiline: true);
        var remote = YesNo(request, "remote", errors);
        var anonymous = YesNo(request, "anonymous", errors);
        var unposted = YesNo(request, "unposted", errors);
        if (location is null && !remote && !errors.Any(e => e.Message.StartsWith("`location`", StringComparison.Ordinal)))
        {
            errors.Add(Error("location", "missing_location", "say where the job is (a city or area), or add `remote:yes`."));
        }

        var type = request.Option("type") is { } typeText ? JobTypes.Parse(typeText) : null;
        if (type is null)
        {
            errors.Add(Error("type", "bad_type", $"choose one of {string.Join(", ", JobTypes.Names.Select(n => $"`{n}`"))}."));
        }

        var (link, linkKey) = JobLeadLinks.Check(request.Option("link"), unposted, errors);
        var deadline = Deadline(request.Option("deadline"), zone, now, errors);
        IReadOnlyList<string> tags = [];
        if (request.Option("tags") is { } tagText)
        {
            var (parsed, tagError) = OptionParsers.Tags(tagText);
            if (tagError is not null)
            {
                errors.Add(Error("tags", tagError.Code, tagError.Message.Replace("interests", "tags", StringComparison.Ordinal)));
            }

            tags = parsed ?? [];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var expires = deadline is { } d
            ? new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(d.AddDays(1).ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero)
            : now.AddDays(expiryDays);
        return (new JobLead(context.CommunityId, 0, title!, employer!, location, remote, link, linkKey, deadline, type!.Value, tags,
            salary, note, anonymous, unposted, context.Actor.Id, MemberText.Clean(context.Actor.DisplayName), now, expires,
            JobLeadStatus.Open, null, null), errors);
    }

    internal static UserError Error(string field, string code, string problem) => new(code, $"`{field}`: {problem}");

    private static string? Text(CommandRequest request, string field, int max, bool required, List<UserError> errors, bool multiline = false)
    {
        var cleaned = request.Option(field) is { } raw ? MemberText.Strip(raw, multiline) : "";
        if (cleaned.Length == 0)
        {
            if (required)
            {
                errors.Add(Error(field, "missing_" + field, $"this is required (example: `{field}:{Sample(field)}`)."));
            }

            return null;
        }

        if (cleaned.Length > max)
        {
            errors.Add(Error(field, field + "_too_long", $"at most {max} characters, please (this one has {cleaned.Length})."));
            return null;
        }

        var (text, error) = MemberText.Finish(field, cleaned);
        if (error is not null)
        {
            errors.Add(error);
        }

        return text;
    }

    private static bool YesNo(CommandRequest request, string field, List<UserError> errors)
    {
        var value = request.Option(field)?.Trim().ToLowerInvariant();
        if (value is null or "" or "no" or "false")
        {
            return false;
        }

        if (value is "yes" or "true")
        {
            return true;
        }

        errors.Add(Error(field, "bad_choice", $"`yes` or `no`, not `{OptionParsers.Clip(value)}`."));
        return false;
    }

    private static DateOnly? Deadline(string? raw, TimeZoneInfo zone, DateTimeOffset now, List<UserError> errors)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var (date, error) = OptionParsers.Date("deadline", raw);
        if (error is not null)
        {
            errors.Add(Error("deadline", error.Code, "write it YYYY-MM-DD, like `2026-12-24`."));
            return null;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        if (date!.Value < today)
        {
            errors.Add(Error("deadline", "deadline_past", $"{date:yyyy-MM-dd} has already passed (today is {today:yyyy-MM-dd} in {zone.Id}). Leave it out if there is no deadline."));
            return null;
        }

        // Bounded before the expiry is computed from it (9999-12-31 has no next day).
        var latest = today.AddYears(MaxDeadlineYears);
        if (date.Value > latest)
        {
            errors.Add(Error("deadline", "deadline_too_far", $"{date:yyyy-MM-dd} is more than {MaxDeadlineYears} years away; the latest deadline I take is {latest:yyyy-MM-dd}. Leave it out if there is no deadline."));
            return null;
        }

        return date;
    }

    private static string Sample(string field) => field switch
    {
        "title" => "\"Metadata Librarian\"",
        "employer" => "\"Lawrence Public Library\"",
        _ => "…",
    };
}
