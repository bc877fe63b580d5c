using System.Net.WebSockets;
using System.Text;
using Discord.Net;
using Microsoft.Extensions.Logging;
using NetworkingBot.Discord.Interactions;

namespace NetworkingBot.Discord.Client.Socket;

/// <summary>The read loop: each message capped, checked, and handed to Discord.Net one at a time.</summary>
internal sealed partial class GuardedWebSocket
{
    private async Task RunAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var read = await _reader.ReceiveAsync(socket, cancellationToken).ConfigureAwait(false);
                switch (read.Kind)
                {
                    case SocketReadKind.Closed:
                        throw new WebSocketClosedException((int?)socket.CloseStatus ?? 1000, socket.CloseStatusDescription);
                    case SocketReadKind.TooLarge:
                        LogTooLarge(read.Bytes, maxMessageBytes);
                        Interlocked.Exchange(ref _identifyNext, 1);
                        await CloseQuietlyAsync(socket, TooLargeCloseCode, "message too large").ConfigureAwait(false);
                        throw new WebSocketClosedException(TooLargeCloseCode, "a message over the size cap");
                    case SocketReadKind.Binary:
                        // Compression was not asked for, so a binary frame is nothing Discord.Net should try to inflate.
                        LogBinary(read.Bytes);
                        continue;
                }

                await ReceivedAsync(Encoding.UTF8.GetString(read.Payload.Span), socket).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A disconnect we asked for.
        }
        catch (Exception ex)
        {
            // Not awaited, as in Discord.Net's own client: closing waits for this task.
            _ = OnClosedAsync(ex);
        }
    }

    private async Task ReceivedAsync(string text, ClientWebSocket socket)
    {
        var verdict = GatewayFrameCheck.Check(text);
        switch (verdict.Action)
        {
            case FrameAction.Drop:
                LogDropped(Encoding.UTF8.GetByteCount(text), verdict.Problem!);
                return;
            case FrameAction.Reset:
                LogReset(verdict.Problem!);
                await CloseQuietlyAsync(socket, TooLargeCloseCode, "unreadable frame").ConfigureAwait(false);
                throw new WebSocketClosedException(TooLargeCloseCode, verdict.Problem);
        }

        if (verdict.Problem is { } problem)
        {
            LogNeutralized(problem);
        }

        if (verdict.Unreadable is { } interaction && unreadable is not null)
        {
            unreadable.Answer(interaction);
        }

        if (verdict.Read is { } readable)
        {
            read?.Add(readable);
        }

        await DeliverAsync(verdict.Text).ConfigureAwait(false);
        if (verdict.Read is { } delivered && read?.Take(delivered.Id) is not null && unreadable is not null)
        {
            // Discord.Net raises InteractionCreated before it returns, and the handler takes the reading then: one still
            // here was never raised (a field Discord.Net reads more strictly had the wrong type). The sender is waiting.
            unreadable.Answer(new UnreadableInteraction(delivered.Id, delivered.Token, delivered.Type == InteractionType.Autocomplete, "Discord.Net could not read it"));
        }
    }

    /// <summary>One frame at a time to Discord.Net, whether read from the socket or made up here.</summary>
    private async Task DeliverAsync(string text)
    {
        await _deliver.WaitAsync().ConfigureAwait(false);
        try
        {
            if (TextMessage is { } handler)
            {
                await handler(text).ConfigureAwait(false);
            }
        }
        finally
        {
            _deliver.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: dropped a frame of {Bytes} bytes that is no gateway payload: {Problem}")]
    private partial void LogDropped(int bytes, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: {Problem}; passed on as an empty dispatch, carrying on")]
    private partial void LogNeutralized(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: {Problem}; reconnecting")]
    private partial void LogReset(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: a message passed {Bytes} bytes (cap {Cap}, Discord:MaxInboundFrameBytes); dropped unread, reconnecting with a new session")]
    private partial void LogTooLarge(long bytes, int cap);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: dropped a binary frame of {Bytes} bytes (compression was not asked for)")]
    private partial void LogBinary(long bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: starting a new session instead of resuming, so the oversized message is not replayed")]
    private partial void LogNewSession();
}
