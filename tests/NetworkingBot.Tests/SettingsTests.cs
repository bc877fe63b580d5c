namespace NetworkingBot.Tests;

/// <summary>A wrong setting stops the bot at start with one line that names it.</summary>
public sealed class SettingsTests
{
    [Theory]
    [InlineData("--Coffee:DefaultCheckInAfterDays=9", "Coffee:DefaultCheckInAfterDays must be 1 to 6")]
    [InlineData("--State:Provider=postgres", "State:Provider 'postgres' is not available")]
    [InlineData("--Shell:Community=discord:1", "Shell:Community must start with \"console:\"")]
    public async Task A_bad_setting_is_named_and_the_bot_does_not_start(string setting, string message)
    {
        var (exit, stdout, stderr) = await ShellRunner.RunBotAsync(["--db", ShellRunner.TempDb(), setting]);

        Assert.Equal(3, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout);
    }

    [Fact]
    public async Task A_missing_argument_value_is_explained()
    {
        var (exit, _, stderr) = await ShellRunner.RunBotAsync(["shell", "--script"]);

        Assert.Equal(2, exit);
        Assert.Contains("--script needs a value", stderr, StringComparison.Ordinal);
    }
}
