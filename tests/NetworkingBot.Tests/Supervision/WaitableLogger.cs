using Microsoft.Extensions.Logging;

namespace NetworkingBot.Tests.Supervision;

/// <summary>Keeps every log entry, and lets a test wait for the n-th one that matches: a signal, not a sleep.</summary>
internal sealed class WaitableLogger<T> : ILogger<T>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly Lock _gate = new();
    private readonly List<(LogLevel Level, string Message)> _entries = [];
    private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<(LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> entries match and returns the last of them.</summary>
    public async Task<(LogLevel Level, string Message)> WaitForAsync(Func<(LogLevel Level, string Message), bool> match, int count = 1)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (true)
        {
            Task added;
            List<(LogLevel, string)> matching;
            lock (_gate)
            {
                added = _added.Task;
                matching = _entries.Where(match).ToList();
            }

            if (matching.Count >= count)
            {
                return matching[count - 1];
            }

            try
            {
                await added.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Waited in vain for log entry #{count}; logged:\n{string.Join("\n", Entries)}");
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            _entries.Add((logLevel, formatter(state, exception)));
            previous = _added;
            _added = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }
}
