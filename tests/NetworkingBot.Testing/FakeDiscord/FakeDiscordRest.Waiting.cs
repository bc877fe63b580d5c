namespace NetworkingBot.Testing.FakeDiscord;

public sealed partial class FakeDiscordRest
{
    /// <summary>Waits for the first recorded call that matches; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task<FakeDiscordRestCall> WaitForAsync(Func<FakeDiscordRestCall, bool> predicate, TimeSpan timeout) =>
        (await WaitForCountAsync(predicate, 1, timeout))[0];

    /// <summary>Waits until at least <paramref name="count"/> recorded calls match, and returns them all.</summary>
    public async Task<IReadOnlyList<FakeDiscordRestCall>> WaitForCountAsync(Func<FakeDiscordRestCall, bool> predicate, int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task recorded;
            List<FakeDiscordRestCall> matching;
            lock (_gate)
            {
                recorded = _recorded.Task;
                matching = _calls.Where(predicate).ToList();
            }

            if (matching.Count >= count)
            {
                return matching;
            }

            try
            {
                await recorded.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The fake Discord saw {matching.Count} of {count} expected calls within {timeout}; {Calls.Count} calls in all.");
            }
        }
    }

    private void Record(FakeDiscordRestCall call)
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            _calls.Add(call);
            previous = _recorded;
            _recorded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }
}
