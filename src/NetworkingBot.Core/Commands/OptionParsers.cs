using System.Globalization;
using System.Text.RegularExpressions;
using NetworkingBot.Core.Commands.Text;

namespace NetworkingBot.Core.Commands;

/// <summary>Turns option text into values, or into a polite error naming the option and what it accepts.</summary>
public static partial class OptionParsers
{
    public const int MaxTags = 10;
    public const int MaxTagLength = 40;

    /// <summary>The longest tag list accepted as text (interests, tags, specialties): the most tags, each of the longest length, with ", " between.</summary>
    public const int MaxTagList = MaxTags * (MaxTagLength + 2);
    public const int MaxRegionLength = 100;

    public static (IReadOnlyList<string>? Tags, UserError? Error) Tags(string raw)
    {
        // Stripped first, so an invisible bidirectional character is not mistaken for part of a tag.
        var tags = MemberText.Strip(raw).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => WhiteSpace().Replace(t.ToLowerInvariant().TrimStart('#'), "-"))
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (tags.Count > MaxTags)
        {
            return (null, new UserError("too_many_tags", $"Please give at most {MaxTags} interests (you gave {tags.Count})."));
        }

        var bad = tags.FirstOrDefault(t => t.Length > MaxTagLength || !TagShape().IsMatch(t));
        return bad is null
            ? (tags, null)
            : (null, new UserError("bad_tag", $"`{Clip(bad)}` isn't a usable interest. Use short tags of letters, digits and dashes, separated by commas, like `archives,digital-preservation`."));
    }

    public static (string? Zone, UserError? Error) TimeZone(string raw)
    {
        var id = raw.Trim();
        // Only IANA names ("Region/City" or UTC): they are what members see in their settings and what every platform shares.
        if ((id.Contains('/', StringComparison.Ordinal) || id == "UTC") && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId)
        {
            return (zone.Id, null);
        }

        return (null, new UserError("bad_timezone", $"`{Clip(id)}` isn't a time zone I know. Use an IANA name such as `America/Chicago`, `Europe/London` or `Asia/Kolkata`."));
    }

    public static (string? Region, UserError? Error) Region(string raw)
    {
        var region = MemberText.Strip(raw);
        if (region.Length > MaxRegionLength)
        {
            return (null, new UserError("region_too_long", $"The region can be at most {MaxRegionLength} characters (yours has {region.Length}). A city or area is enough, like `Kansas City`."));
        }

        return region.Length == 0 ? (null, null) : MemberText.Finish("region", region);
    }

    public static (int? Value, UserError? Error) Number(string name, string raw, int min, int max)
    {
        return int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? (n, null)
            : (null, new UserError("bad_number", $"`{name}` must be a whole number from {min} to {max}, not `{Clip(raw)}`."));
    }

    public static (DateOnly? Date, UserError? Error) Date(string name, string raw)
    {
        return DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? (d, null)
            : (null, new UserError("bad_date", $"`{name}` must be a date written YYYY-MM-DD, like `2026-12-24`, not `{Clip(raw)}`."));
    }

    public static (TimeOnly? Time, UserError? Error) Time(string name, string raw)
    {
        return TimeOnly.TryParseExact(raw.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? (t, null)
            : (null, new UserError("bad_time", $"`{name}` must be a 24-hour time like `09:30`, not `{Clip(raw)}`."));
    }

    public static (DayOfWeek? Day, UserError? Error) Day(string raw)
    {
        var text = raw.Trim().ToLowerInvariant();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var name = day.ToString().ToLowerInvariant();
            if (text.Length >= 3 && name.StartsWith(text, StringComparison.Ordinal))
            {
                return (day, null);
            }
        }

        return (null, new UserError("bad_day", $"`day` must be a weekday like `monday`, not `{Clip(raw)}`."));
    }

    public static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^[\p{Ll}\p{Lo}\p{Nd}][\p{Ll}\p{Lo}\p{Nd}-]*$")]
    private static partial Regex TagShape();
}
