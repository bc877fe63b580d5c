using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NetworkingBot.Discord.Gateway;
using NetworkingBot.Testing;

namespace NetworkingBot.Discord.Tests.Gateway;

/// <summary>Records every dispatch in arrival order; can be told to throw for one event name.</summary>
internal sealed class RecordingDispatchHandler : IGatewayDispatchHandler
{
    private readonly ConcurrentQueue<GatewayDispatch> _dispatches = new();

    public string? ThrowOn { get; set; }

    public IReadOnlyList<GatewayDispatch> Dispatches => [.. _dispatches];

    public Task HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        _dispatches.Enqueue(dispatch);
        return dispatch.EventName == ThrowOn ? throw new InvalidOperationException("handler bug") : Task.CompletedTask;
    }

    public async Task<GatewayDispatch> WaitForAsync(string eventName, int count = 1)
    {
        await Eventually.TrueAsync(() => Dispatches.Count(d => d.EventName == eventName) >= count, $"{eventName} #{count}");
        return Dispatches.Where(d => d.EventName == eventName).ElementAt(count - 1);
    }
}

/// <summary>A logger factory that keeps every formatted line, to check what an operator would read.</summary>
internal sealed class RecordingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(_entries);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<(LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((logLevel, formatter(state, exception)));
    }
}

/// <summary>Answers as <c>GET /gateway/bot</c> would, pointing at the fake.</summary>
internal sealed class StaticGatewayInfo(GatewayBotInfo info) : IGatewayInfoSource
{
    public Task<GatewayBotInfo> GetAsync(CancellationToken cancellationToken) => Task.FromResult(info);
}
