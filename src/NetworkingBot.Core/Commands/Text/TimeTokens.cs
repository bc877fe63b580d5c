using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NetworkingBot.Core.Commands.Text;

/// <summary>An instant the core wants shown in each reader's own time, with the zones of the people it concerns.</summary>
public sealed record TimeToken(DateTimeOffset Instant, IReadOnlyList<string> Zones);

/// <summary>
/// Carries an instant through core text as data, so the core writes no platform's date syntax: each adapter replaces
/// every token with its own form (Discord a <c>&lt;t:…&gt;</c> timestamp, Slack a <c>&lt;!date^…&gt;</c>, the shell the
/// time in every zone spelled out). The token is framed by U+001F, a control character the member-text sanitiser
/// removes (<see cref="MemberText.Strip"/>), so nothing a member types can forge one.
/// </summary>
public static partial class TimeTokens
{
    private const char Frame = '\u001F';

    /// <summary>The token for <paramref name="instant"/>, naming the IANA zones of the people who will meet then.</summary>
    public static string Write(DateTimeOffset instant, IEnumerable<string> zones)
    {
        var text = new StringBuilder().Append(Frame).Append("time:").Append(instant.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        foreach (var zone in zones.Where(IsZoneText).Distinct(StringComparer.Ordinal))
        {
            text.Append('|').Append(zone);
        }

        return text.Append(Frame).ToString();
    }

    /// <summary>Replaces every token in <paramref name="text"/> with what <paramref name="render"/> makes of it.</summary>
    public static string Render(string text, Func<TimeToken, string> render)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains(Frame, StringComparison.Ordinal)
            ? Token().Replace(text, m => render(Read(m)))
            : text;
    }

    /// <summary>Every token in <paramref name="text"/>, in order (what tests and renderers read).</summary>
    public static IReadOnlyList<TimeToken> Find(string text) => Token().Matches(text).Select(Read).ToList();

    /// <summary>
    /// The token's instant in each of its zones, e.g. "Tue 8 Dec 15:00 Europe/London = 10:00 America/New_York"; the
    /// date is repeated only where a zone is on another day. For readers whose platform cannot localise (the shell).
    /// </summary>
    public static string SpellOut(TimeToken token)
    {
        var zones = token.Zones.Count > 0 ? token.Zones : ["UTC"];
        var parts = new List<string>();
        string? firstDay = null;
        foreach (var zone in zones)
        {
            var local = TimeZoneInfo.ConvertTime(token.Instant, TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) ? found : TimeZoneInfo.Utc);
            var day = local.ToString("ddd d MMM", CultureInfo.InvariantCulture);
            var time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
            parts.Add(day == firstDay ? $"{time} {zone}" : $"{day} {time} {zone}");
            firstDay ??= day;
        }

        return string.Join(" = ", parts);
    }

    /// <summary>The instant in UTC, for a fallback where a platform's own rendering is not shown.</summary>
    public static string Utc(TimeToken token) =>
        token.Instant.UtcDateTime.ToString("ddd d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static TimeToken Read(Match match)
    {
        var seconds = long.Parse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        var zones = match.Groups[2].Value.Split('|', StringSplitOptions.RemoveEmptyEntries);
        return new TimeToken(DateTimeOffset.FromUnixTimeSeconds(seconds), zones);
    }

    // IANA ids are letters, digits and / _ + -; anything else would break the frame, so it is left out.
    private static bool IsZoneText(string zone) => zone.Length is > 0 and <= 64 && zone.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '+' or '-');

    [GeneratedRegex("\u001Ftime:([0-9]{1,11})((?:\\|[A-Za-z0-9/_+-]{1,64})*)\u001F", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
