using System.Reflection;
using Microsoft.Extensions.Configuration;
using NetworkingBot.Core.Settings;

namespace NetworkingBot.Hosting.Settings;

/// <summary>
/// Finds the first configuration value that the binder could not convert to its option's type (e.g.
/// <c>Coffee:MissedRoundGrace=abc</c>), before anything binds it. Each value is converted exactly as the binder
/// does (<see cref="ConfigurationBinder.GetValue(IConfiguration, Type, string)"/>), so what passes here binds, and
/// what fails is named with the form it takes instead of the binder's exception.
/// </summary>
public static class SettingForms
{
    /// <summary>The first value under <paramref name="section"/> that does not fit <paramref name="optionsType"/>, or null.</summary>
    public static SettingProblem? Check(IConfigurationSection section, Type optionsType, object? defaults)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(optionsType);
        foreach (var property in optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null))
        {
            var type = property.PropertyType;
            var current = defaults is null ? null : property.GetValue(defaults);
            var problem = ElementOf(type) is { } element
                ? section.GetSection(property.Name).GetChildren().Select(item => Convert(section.GetSection(property.Name), item.Key, element, null)).FirstOrDefault(p => p is not null)
                : IsValue(type)
                    ? Convert(section, property.Name, type, current)
                    : Check(section.GetSection(property.Name), type, current);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>The form a value of <paramref name="type"/> takes, and an example (the default when there is one).</summary>
    public static (string Expected, string Example) FormOf(Type type, object? current)
    {
        ArgumentNullException.ThrowIfNull(type);
        var t = Nullable.GetUnderlyingType(type) ?? type;
        string Example(string fallback) => current is null ? fallback : SettingProblem.Show(current).Trim('"');
        if (t == typeof(TimeSpan))
        {
            var example = Example("12:00:00");
            return ($"a time span ([d.]hh:mm:ss) such as {example}", example);
        }

        if (t == typeof(DateTimeOffset) || t == typeof(DateTime))
        {
            return ("an ISO 8601 date and time such as 2026-11-02T14:00:00Z", "2026-11-02T14:00:00Z");
        }

        if (t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(uint) || t == typeof(ulong) || t == typeof(byte))
        {
            var example = Example("1");
            return ($"a whole number such as {example}", example);
        }

        if (t == typeof(double) || t == typeof(float) || t == typeof(decimal))
        {
            var example = Example("1.5");
            return ($"a number such as {example}", example);
        }

        if (t == typeof(bool))
        {
            return ("true or false", Example("true").ToLowerInvariant());
        }

        if (t == typeof(Uri))
        {
            var example = Example("https://example.org/");
            return ($"an absolute http(s) URL such as {example}", example);
        }

        if (t.IsEnum)
        {
            var names = Enum.GetNames(t);
            return ($"one of {string.Join(", ", names)}", names.FirstOrDefault() ?? "");
        }

        return ($"a {t.Name}", "");
    }

    private static SettingProblem? Convert(IConfigurationSection parent, string key, Type type, object? current)
    {
        var value = parent.GetSection(key);
        if (value.Value is null)
        {
            return null;
        }

        try
        {
            // The binder's own conversion: same converters, same culture, same rule for empty strings. Every URL
            // setting is a base address, which a relative URL (the converter accepts almost any text) cannot be.
            var converted = parent.GetValue(type, key);
            return converted is Uri { IsAbsoluteUri: false } or Uri { Scheme: not ("http" or "https") }
                ? Problem(value, type, current)
                : null;
        }
        catch (InvalidOperationException)
        {
            return Problem(value, type, current);
        }
    }

    private static SettingProblem Problem(IConfigurationSection value, Type type, object? current)
    {
        var (expected, example) = FormOf(type, current);
        return SettingProblem.Of(value.Path, value.Value, expected, example);
    }

    private static bool IsValue(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan)
            || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(Uri) || t == typeof(Guid);
    }

    private static Type? ElementOf(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        return type.IsGenericType && type.GetGenericArguments() is [var element] && typeof(IEnumerable<>).MakeGenericType(element).IsAssignableFrom(type) && IsValue(element)
            ? element
            : null;
    }
}
