namespace NetworkingBot.Testing.FakeDiscord;

/// <summary>
/// A list that tests can wait on: "the third heartbeat", "the first RESUME". Waits are long by default
/// (10 s) because they only cost time when a test fails, and CI machines are slow.
/// </summary>
internal sealed class FakeDiscordGatewayRecorder<T>
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly List<T> _items = [];
    private readonly List<(Func<T, bool> Match, int Count, TaskCompletionSource<T> Done)> _waiters = [];

    public IReadOnlyList<T> Snapshot()
    {
        lock (_items)
        {
            return [.. _items];
        }
    }

    public void Add(T item)
    {
        lock (_items)
        {
            _items.Add(item);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                var (match, count, done) = _waiters[i];
                if (Nth(match, count) is { } found)
                {
                    _waiters.RemoveAt(i);
                    done.TrySetResult(found.Item);
                }
            }
        }
    }

    /// <summary>Returns the <paramref name="count"/>-th item matching <paramref name="match"/>, waiting for it if needed.</summary>
    public async Task<T> WaitAsync(Func<T, bool> match, int count, TimeSpan? timeout, string what)
    {
        TaskCompletionSource<T> done;
        lock (_items)
        {
            if (Nth(match, count) is { } found)
            {
                return found.Item;
            }

            done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, count, done));
        }

        try
        {
            return await done.Task.WaitAsync(timeout ?? DefaultTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (_items)
            {
                _waiters.RemoveAll(w => w.Done == done);
                throw new TimeoutException($"Waited in vain for {what} #{count}; recorded so far:\n{string.Join("\n", _items)}");
            }
        }
    }

    private (T Item, bool Found)? Nth(Func<T, bool> match, int count)
    {
        var seen = 0;
        foreach (var item in _items)
        {
            if (match(item) && ++seen == count)
            {
                return (item, true);
            }
        }

        return null;
    }
}
