using System.Collections.Concurrent;

namespace NetworkingBot.Testing.FakeSlack;

/// <summary>
/// Web API calls whose answer waits until the test opens a gate: the call is recorded and answered as usual, only
/// later, so a test can see what the bot does while a call is in flight (for example, that it acked first).
/// </summary>
public sealed partial class FakeSlackServer
{
    private readonly ConcurrentDictionary<string, SlackApiGate> _gates = new(StringComparer.Ordinal);

    /// <summary>Holds the answers of every later call to <paramref name="method"/> until the returned gate is opened.</summary>
    public SlackApiGate GateAnswers(string method)
    {
        var gate = new SlackApiGate();
        _gates[method] = gate;
        return gate;
    }

    /// <summary>Waits at the method's gate, if it has one; false when the client went away meanwhile.</summary>
    private async Task<bool> PassGateAsync(SlackApiCall call, CancellationToken aborted)
    {
        if (!_gates.TryGetValue(call.Method, out var gate))
        {
            return true;
        }

        try
        {
            await gate.PassAsync(call, aborted).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

/// <summary>A closed gate in front of one Web API method's answers (<see cref="FakeSlackServer.GateAnswers"/>).</summary>
public sealed class SlackApiGate
{
    private readonly TaskCompletionSource<SlackApiCall> _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the first call that reached the gate.</summary>
    public Task<SlackApiCall> Reached => _reached.Task;

    /// <summary>Lets every waiting and later call through.</summary>
    public void Open() => _open.TrySetResult();

    internal async Task PassAsync(SlackApiCall call, CancellationToken aborted)
    {
        _reached.TrySetResult(call);
        await _open.Task.WaitAsync(aborted).ConfigureAwait(false);
    }
}
