using Microsoft.Extensions.Hosting;
using NetworkingBot.Hosting;
using NetworkingBot.Shell;
using NetworkingBot.Testing.FakeDiscord;
using NetworkingBot.Testing.FakeSlack;

namespace NetworkingBot.Tests;

/// <summary>
/// The real host wired to a loopback fake platform, as the end-to-end tests start it: a fresh SQLite file and the
/// shell's fixed clock start, so every test begins on the same day.
/// </summary>
internal static class PlatformHosts
{
    private const string ClockStart = "--Shell:ClockStart=2026-11-10T12:00:00Z";

    public static IHost Discord(FakeDiscordRest rest, params string[] settings) => BotHost.Build(ShellArguments.Parse(
    [
        "--db", ShellRunner.TempDb(), "--Discord:Token=test-token", $"--Discord:ApiBaseUrl={rest.ApiBaseUrl}", ClockStart, .. settings,
    ]), TextWriter.Null);

    /// <summary>Both platforms at once, as a community on Discord and Slack would run the bot.</summary>
    public static IHost DiscordAndSlack(FakeDiscordRest rest, FakeSlackServer slack) => BotHost.Build(ShellArguments.Parse(
    [
        "--db", ShellRunner.TempDb(), "--Discord:Token=test-token", $"--Discord:ApiBaseUrl={rest.ApiBaseUrl}",
        "--Slack:AppToken=xapp-1-A111-test", "--Slack:BotToken=xoxb-test", $"--Slack:ApiBaseUrl={slack.ApiBaseUrl}", "--Slack:Connections=1",
        ClockStart,
    ]), TextWriter.Null);

    /// <summary>One Socket Mode connection; <paramref name="organizer"/> is configured as an organiser when given.</summary>
    public static IHost Slack(FakeSlackServer slack, string? organizer = null) => BotHost.Build(ShellArguments.Parse(
    [
        "--db", ShellRunner.TempDb(), "--Slack:AppToken=xapp-1-A111-test", "--Slack:BotToken=xoxb-test",
        $"--Slack:ApiBaseUrl={slack.ApiBaseUrl}", "--Slack:Connections=1", ClockStart,
        .. organizer is null ? Array.Empty<string>() : [$"--Slack:OrganizerUserIds:0={organizer}"],
    ]), TextWriter.Null);
}
