namespace NetworkingBot.Tests;

/// <summary>
/// A wrong setting stops the bot at start, through the real entry point (its own process): exit code 3 and
/// exactly one line on stderr naming the setting, the form its value takes and how to fix it; no stack trace,
/// nothing on stdout. One or more rows for every settings section in appsettings.example.json (Logging included).
/// </summary>
public sealed class SettingsTests
{
    public static TheoryData<string[], string, string> BadSettings => new()
    {
        // Values the binder cannot convert (today an unhandled InvalidOperationException and exit 134).
        { ["--Coffee:MissedRoundGrace=abc"], "Coffee:MissedRoundGrace is \"abc\"", "a time span ([d.]hh:mm:ss) such as 12:00:00" },
        { ["--Coffee:DefaultCheckInAfterDays=four"], "Coffee:DefaultCheckInAfterDays is \"four\"", "a whole number such as 4" },
        { ["--Shell:ClockStart=tomorrow"], "Shell:ClockStart is \"tomorrow\"", "an ISO 8601 date and time such as 2026-11-02T14:00:00Z" },
        { ["--Jobs:PageSize=many"], "Jobs:PageSize is \"many\"", "a whole number such as 5" },
        { ["--Interviews:AnswerWithin=soon"], "Interviews:AnswerWithin is \"soon\"", "a time span ([d.]hh:mm:ss) such as 3.00:00:00" },
        { ["--Discord:ShardCount=two"], "Discord:ShardCount is \"two\"", "a whole number such as 0" },
        { ["--Discord:ShardIds:0=first"], "Discord:ShardIds:0 is \"first\"", "a whole number" },
        { ["--Slack:InstantAnswerBudget=fast"], "Slack:InstantAnswerBudget is \"fast\"", "a time span ([d.]hh:mm:ss) such as 00:00:02" },
        { ["--Slack:Connections=2.5"], "Slack:Connections is \"2.5\"", "a whole number such as 2" },
        { ["--Discord:Token=abc", "--Discord:ApiBaseUrl=:::"], "Discord:ApiBaseUrl is \":::\"", "an absolute http(s) URL such as https://discord.com/api/v10/" },
        { ["--Discord:Token=abc", "--Discord:GatewayUrl=https://gateway.discord.gg/"], "Discord:GatewayUrl is \"https://gateway.discord.gg/\"", "an absolute ws:// or wss:// URL, or empty for Discord's gateway" },
        { ["--Logging:LogLevel:Default=loud"], "Logging:LogLevel:Default is \"loud\"", "a log level: one of Trace, Debug, Information, Warning, Error, Critical, None" },
        { ["--Logging:Console:LogLevel:NetworkingBot=chatty"], "Logging:Console:LogLevel:NetworkingBot is \"chatty\"", "a log level" },

        // Values of the right form that break a rule.
        { ["--Coffee:DefaultCheckInAfterDays=9"], "Coffee:DefaultCheckInAfterDays is 9", "a whole number of days from 1 to 6" },
        { ["--Coffee:IgnoredCheckInsBeforePause=0"], "Coffee:IgnoredCheckInsBeforePause is 0", "a whole number of at least 1" },
        { ["--Coffee:MissedRoundGrace=-01:00:00"], "Coffee:MissedRoundGrace is -01:00:00", "a time span from 00:00:00 to 365.00:00:00" },
        { ["--Jobs:ExpiryDays=0"], "Jobs:ExpiryDays is 0", "a whole number of days from 1 to 3650" },
        { ["--Jobs:ExpiryDays=2147483647"], "Jobs:ExpiryDays is 2147483647", "a whole number of days from 1 to 3650" },
        { ["--Jobs:DuplicateWindowDays=-1"], "Jobs:DuplicateWindowDays is -1", "a whole number of days from 0 to 3650" },
        { ["--Jobs:PageSize=21"], "Jobs:PageSize is 21", "a whole number from 1 to 20" },
        { ["--Interviews:MaxCandidates=0"], "Interviews:MaxCandidates is 0", "a whole number of at least 1" },
        { ["--Interviews:FollowUpAfter=00:00:00"], "Interviews:FollowUpAfter is 00:00:00", "a positive time span" },
        { ["--Interviews:KeepWaitingFor=10675199.00:00:00"], "Interviews:KeepWaitingFor is 10675199.00:00:00", "of at most 365 days" },
        { ["--Coffee:MissedRoundGrace=400.00:00:00"], "Coffee:MissedRoundGrace is 400.00:00:00", "a time span from 00:00:00 to 365.00:00:00" },
        { ["--Coffee:ResendGrace=00:05:00"], "Coffee:ResendGrace is 00:05:00", "a time span from 00:00:00 to 00:01:00" },
        { ["--Shell:Community=discord:1"], "Shell:Community is \"discord:1\"", "a community id that starts with \"console:\"" },
        { ["--Shell:Channel= "], "Shell:Channel is \" \"", "a channel name such as general" },
        { ["--State:InstanceId=bot 1|x"], "State:InstanceId is \"bot 1|x\"", "1 to 64 letters, digits, '-', '_' or '.'" },
        { ["--State:Provider=postgres"], "State:Provider is \"postgres\"", "\"sqlite\" (the default: one file) or \"redis\"" },
        { ["--State:Provider=redis", "--State:Redis:ConnectionString=localhost:abc"], "State:Redis:ConnectionString is not usable", "host:port then settings" },
        { ["--Discord:Token=abc", "--Discord:ShardCount=2", "--Discord:ShardIds:0=5"], "Discord:ShardIds must be between 0 and Discord:ShardCount - 1", "appsettings.example.json" },
        { ["--Slack:AppToken=xapp-1", "--Slack:BotToken=xoxb-1", "--Slack:Connections=20"], "Slack:Connections must be from 1 to 10", "appsettings.example.json" },
        { ["--Slack:AppToken=xoxb-1", "--Slack:BotToken=xoxb-1"], "Slack:AppToken must be the app-level token (xapp-…)", "appsettings.example.json" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_setting_is_one_line_naming_it_and_its_form_and_the_bot_exits_3(string[] settings, string names, string form)
    {
        var db = ShellRunner.TempDb();

        var (exit, stdout, stderr) = await ShellRunner.RunBotAsync(["--db", db, .. settings]);

        AssertOneLine(exit, stdout, stderr);
        Assert.Contains(names, stderr, StringComparison.Ordinal);
        Assert.Contains(form, stderr, StringComparison.Ordinal);

        // Nothing was written: the check runs before the store is opened.
        Assert.False(File.Exists(db), "the database file was created although a setting was wrong");
    }

    [Fact]
    public async Task A_binding_failure_names_how_to_set_it_both_ways()
    {
        var (exit, stdout, stderr) = await ShellRunner.RunBotAsync(["shell", "--db", ShellRunner.TempDb(), "--Coffee:MissedRoundGrace=abc"]);

        AssertOneLine(exit, stdout, stderr);
        Assert.Contains("Set Coffee__MissedRoundGrace=12:00:00 (or --Coffee:MissedRoundGrace=12:00:00)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_path_that_is_a_directory_is_named()
    {
        var folder = Path.GetDirectoryName(ShellRunner.TempDb())!;
        Directory.CreateDirectory(folder);

        var (exit, stdout, stderr) = await ShellRunner.RunBotAsync(["shell", "--db", folder]);

        AssertOneLine(exit, stdout, stderr);
        Assert.Contains($"State:Sqlite:Path \"{folder}\" is a directory", stderr, StringComparison.Ordinal);
        Assert.Contains("Point State__Sqlite__Path (or --db) at a file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_path_through_a_file_is_named()
    {
        var file = ShellRunner.TempDb();
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "x");

        var (exit, stdout, stderr) = await ShellRunner.RunBotAsync(["shell", "--db", Path.Combine(file, "bot.db")]);

        AssertOneLine(exit, stdout, stderr);
        Assert.Contains("cannot be created or opened", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_named_and_kept()
    {
        var file = ShellRunner.TempDb();
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, string.Concat(Enumerable.Repeat("these are somebody's notes, not a database\n", 200)));
        var before = await File.ReadAllBytesAsync(file);

        var (exit, stdout, stderr) = await ShellRunner.RunBotAsync(["shell", "--db", file]);

        AssertOneLine(exit, stdout, stderr);
        Assert.Contains("is not a SQLite database or is damaged", stderr, StringComparison.Ordinal);
        Assert.Contains("Restore it from a backup, or move it aside", stderr, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task A_missing_argument_value_is_explained()
    {
        var (exit, _, stderr) = await ShellRunner.RunBotAsync(["shell", "--script"]);

        Assert.Equal(2, exit);
        Assert.Contains("--script needs a value", stderr, StringComparison.Ordinal);
    }

    private static void AssertOneLine(int exit, string stdout, string stderr)
    {
        Assert.True(exit == 3, $"exit {exit}; stderr: {stderr}");
        Assert.Equal(string.Empty, stdout);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"stderr has {lines.Length} lines:\n{stderr}");
        Assert.StartsWith("NetworkingBot cannot start: ", lines[0], StringComparison.Ordinal);
    }
}
