using Microsoft.Extensions.Hosting;
using NetworkingBot.Hosting;
using NetworkingBot.Shell;
using NetworkingBot.Testing.FakeDiscord;
using NetworkingBot.Testing.FakeSlack;

namespace NetworkingBot.Tests;

/// <summary>
/// The real host wired to a loopback fake platform, as the end-to-end tests start it: a fresh SQLite file and a
/// clock of the tests' own (moved with <see cref="ShellTimeTravel"/>) from a fixed start, so every test begins on
/// the same day. A real platform host keeps the system clock.
/// </summary>
internal static class PlatformHosts
{
    private static readonly DateTimeOffset ClockStart = new(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);

    public static IHost Discord(FakeDiscordRest rest, params string[] settings) => DiscordNetGuard.Watch(BotHost.Build(ShellArguments.Parse(
    [
        "--db", ShellRunner.TempDb(), "--Discord:Token=test-token", $"--Discord:ApiBaseUrl={rest.ApiBaseUrl}", .. settings,
    ]), TextWriter.Null, new ShellClock(ClockStart)));

    /// <summary>Both platforms at once, as a community on Discord and Slack would run the bot.</summary>
    public static IHost DiscordAndSlack(FakeDiscordRest rest, FakeSlackServer slack) => DiscordNetGuard.Watch(BotHost.Build(ShellArguments.Parse(
    [
        "--db", ShellRunner.TempDb(), "--Discord:Token=test-token", $"--Discord:ApiBaseUrl={rest.ApiBaseUrl}",
        "--Slack:AppToken=xapp-1-A111-test", "--Slack:BotToken=xoxb-test", $"--Slack:ApiBaseUrl={slack.ApiBaseUrl}", "--Slack:Connections=1",
    ]), TextWriter.Null, new ShellClock(ClockStart)));

    /// <summary>One Socket Mode connection; <paramref name="organiser"/> is configured as an organiser when given.</summary>
    public static IHost Slack(FakeSlackServer slack, string? organiser = null) => BotHost.Build(ShellArguments.Parse(
    [
        "--db", ShellRunner.TempDb(), "--Slack:AppToken=xapp-1-A111-test", "--Slack:BotToken=xoxb-test",
        $"--Slack:ApiBaseUrl={slack.ApiBaseUrl}", "--Slack:Connections=1",
        .. organiser is null ? Array.Empty<string>() : [$"--Slack:OrganiserUserIds:0={organiser}"],
    ]), TextWriter.Null, new ShellClock(ClockStart));
}
