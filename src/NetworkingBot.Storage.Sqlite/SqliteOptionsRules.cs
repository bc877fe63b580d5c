using NetworkingBot.Core.Settings;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>
/// What <see cref="SqliteOptions"/> must be. <paramref name="section"/> is where the options are bound, so a problem
/// names the setting the operator sets (the host binds them under <c>State:Sqlite</c>).
/// </summary>
public sealed class SqliteOptionsRules(string section = "Sqlite") : SettingRules<SqliteOptions>
{
    public override IEnumerable<SettingProblem> Check(SqliteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            yield return SettingProblem.Of($"{section}:Path", options.Path, "the database file, such as data/networkingbot.db", "data/networkingbot.db");
        }

        if (options.BusyTimeout <= TimeSpan.Zero)
        {
            yield return SettingProblem.Of($"{section}:BusyTimeout", options.BusyTimeout, "a positive time span such as 00:00:05", "00:00:05");
        }
    }
}
