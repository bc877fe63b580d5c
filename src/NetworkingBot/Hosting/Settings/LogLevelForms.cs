using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Settings;

namespace NetworkingBot.Hosting.Settings;

/// <summary>
/// The "Logging" section has no options class of ours: its levels (<c>Logging:LogLevel:Default</c>, and a
/// provider's <c>Logging:Console:LogLevel:...</c>) are read by the logging library, which throws on a level it does
/// not know. Each is checked here the way that library reads it (a level name, any case, or its number).
/// </summary>
public static class LogLevelForms
{
    public const string Section = "Logging";

    private static readonly string Levels = string.Join(", ", Enum.GetNames<LogLevel>());

    /// <summary>The first log level under "Logging" that is not one, or null.</summary>
    public static SettingProblem? Check(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(Section).AsEnumerable(makePathsRelative: false)
            .Where(entry => entry.Value is { Length: > 0 } && IsLevel(entry.Key))
            .Where(entry => !Enum.TryParse<LogLevel>(entry.Value, ignoreCase: true, out _))
            .Select(entry => SettingProblem.Of(entry.Key, entry.Value, $"a log level: one of {Levels}", "Warning"))
            .FirstOrDefault();
    }

    // Logging:LogLevel:{category} or Logging:{provider}:LogLevel:{category}; configuration keys ignore case.
    private static bool IsLevel(string key)
    {
        var parts = key.Split(':');
        return (parts.Length == 3 && IsLogLevel(parts[1])) || (parts.Length == 4 && IsLogLevel(parts[2]));
    }

    private static bool IsLogLevel(string part) => string.Equals(part, "LogLevel", StringComparison.OrdinalIgnoreCase);
}
