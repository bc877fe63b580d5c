using Discord;
using Microsoft.Extensions.Logging;

namespace NetworkingBot.Discord.Client;

/// <summary>
/// Discord.Net's log lines in the host's log, at the matching level. Some of its failures are only a log line (after
/// "Processing READY failed" the client stays disconnected for good), so they must reach the operator and the tests.
/// </summary>
internal static partial class DiscordNetLog
{
    public static Task Write(ILogger logger, LogMessage message)
    {
        var level = message.Severity switch
        {
            LogSeverity.Critical => LogLevel.Critical,
            LogSeverity.Error => LogLevel.Error,
            LogSeverity.Warning => LogLevel.Warning,
            LogSeverity.Info => LogLevel.Information,
            LogSeverity.Verbose => LogLevel.Debug,
            _ => LogLevel.Trace,
        };
        Line(logger, level, message.Exception, message.Source, message.Message ?? message.Exception?.Message ?? "");
        return Task.CompletedTask;
    }

    [LoggerMessage(Message = "Discord.Net {Source}: {Text}")]
    private static partial void Line(ILogger logger, LogLevel level, Exception? exception, string source, string text);
}
