using Xunit;

namespace NetworkingBot.Storage.Sqlite.Tests;

/// <summary>The SQLite store's settings rules, named after the section the options are bound from.</summary>
public sealed class SqliteOptionsRulesTests
{
    [Fact]
    public void Good_settings_break_no_rule() => Assert.Empty(new SqliteOptionsRules().Check(new SqliteOptions { Path = "data/bot.db" }));

    [Fact]
    public void A_problem_names_the_setting_where_the_host_binds_it()
    {
        var problems = new SqliteOptionsRules("State:Sqlite").Check(new SqliteOptions { Path = " ", BusyTimeout = TimeSpan.Zero });

        Assert.Equal(["State:Sqlite:Path", "State:Sqlite:BusyTimeout"], problems.Select(p => p.Setting));
    }
}
