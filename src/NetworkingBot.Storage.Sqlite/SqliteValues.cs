using System.Globalization;
using System.Text.Json;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>
/// Conversions between domain values and column values. Formats are fixed-width and culture-invariant so
/// values round-trip to the tick and text order matches time order.
/// </summary>
internal static class SqliteValues
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private const string TimeFormat = "HH':'mm':'ss'.'fffffff";
    private const string DateFormat = "yyyy-MM-dd";

    public static string Instant(DateTimeOffset value) =>
        value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static string? Instant(DateTimeOffset? value) => value is { } v ? Instant(v) : null;

    public static DateTimeOffset ToInstant(string text) =>
        new(DateTime.SpecifyKind(DateTime.ParseExact(text, InstantFormat, CultureInfo.InvariantCulture), DateTimeKind.Utc));

    public static DateTimeOffset? ToNullableInstant(string? text) => text is null ? null : ToInstant(text);

    public static string Time(TimeOnly value) => value.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static TimeOnly ToTime(string text) => TimeOnly.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static DateOnly ToDate(string text) => DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);

    public static TEnum ToEnum<TEnum>(string text)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(text, ignoreCase: false);

    public static string Json(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    public static IReadOnlyList<string> ToList(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];
}
