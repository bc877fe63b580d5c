using Microsoft.AspNetCore.Http;

namespace NetworkingBot.Testing.FakeSlack;

/// <summary>
/// A post Slack accepted whose answer never reaches the bot: the message is stored (it is in the conversation, and
/// conversations.history shows it) and its call recorded as answered 200, but the HTTP answer is held until the
/// client goes away. A crash test kills the bot in exactly that window.
/// </summary>
public sealed partial class FakeSlackServer
{
    private Func<SlackApiCall, bool>? _holdWhich;
    private TaskCompletionSource<SlackApiCall>? _held;

    /// <summary>
    /// Holds the answer of the first accepted chat.postMessage matching <paramref name="which"/>; the task completes
    /// with that call once the message is stored and its answer is being held.
    /// </summary>
    public Task<SlackApiCall> HoldPostAnswer(Func<SlackApiCall, bool> which)
    {
        var held = new TaskCompletionSource<SlackApiCall>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _holdWhich = which;
            _held = held;
        }

        return held.Task;
    }

    /// <summary>True when this call's answer is to be held (at most once per <see cref="HoldPostAnswer"/>).</summary>
    private bool TakeHold(SlackApiCall call)
    {
        lock (_gate)
        {
            if (call.Method != "chat.postMessage" || !call.Ok || _holdWhich is not { } which || !which(call))
            {
                return false;
            }

            _holdWhich = null;
            return true;
        }
    }

    /// <summary>Signals the held call and waits until the client hangs up (or the server stops).</summary>
    private async Task HoldAsync(SlackApiCall call, HttpContext context)
    {
        TaskCompletionSource<SlackApiCall>? held;
        lock (_gate)
        {
            held = _held;
        }

        held?.TrySetResult(call);
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The bot died (or the fake stopped) without its answer: exactly what the hold is for.
        }
    }
}
