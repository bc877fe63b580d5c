using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NetworkingBot.Tests;

/// <summary>
/// Watches a Discord host's log for Discord.Net's "Processing READY failed": after it the client stays disconnected
/// for good and only logs it, so a test would otherwise wait out its timeout with no reason given. Every wait for the
/// shard to be ready (<see cref="DiscordShards.Ready"/>) fails at once, naming the line.
/// </summary>
internal static class DiscordNetGuard
{
    private const string ReadyFailed = "Processing READY failed";

    private static readonly ConditionalWeakTable<IServiceProvider, Lines> Seen = [];

    public static IHost Watch(IHost host)
    {
        var lines = new Lines();
        Seen.Add(host.Services, lines);
        host.Services.GetRequiredService<ILoggerFactory>().AddProvider(lines);
        return host;
    }

    /// <summary>Fails when the host logged that Discord.Net could not process READY.</summary>
    public static void AssertReadyProcessed(IServiceProvider services)
    {
        if (Seen.TryGetValue(services, out var lines) && lines.Failed.TryPeek(out var line))
        {
            Assert.Fail("Discord.Net could not process READY and stays disconnected: " + line);
        }
    }

    private sealed class Lines : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Failed { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            if (message.Contains(ReadyFailed, StringComparison.Ordinal))
            {
                Failed.Enqueue(message);
            }
        }

        public void Dispose()
        {
        }
    }
}
