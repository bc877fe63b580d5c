using System.Buffers;
using System.Collections.Concurrent;
using System.Net.Security;
using System.Net.Sockets;

namespace NetworkingBot.Storage.Redis.Client;

/// <summary>
/// One TCP (optionally TLS) connection with pipelining: writers take a lock only to enqueue their reply slot
/// and write their bytes, so many commands are in flight at once; one read loop hands replies out in FIFO
/// order, which is the order Redis answers in. When the socket fails, every pending command fails with it.
/// </summary>
internal sealed class PhysicalConnection : IAsyncDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentQueue<TaskCompletionSource<RedisResult>> _pending = new();
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly string _endpoint;
    private readonly CancellationTokenSource _closing = new();
    private volatile Exception? _fault;
    private long _lastReplyAt = Environment.TickCount64;

    private PhysicalConnection(Socket socket, Stream stream, string endpoint)
    {
        _socket = socket;
        _stream = stream;
        _endpoint = endpoint;
        _ = ReadLoopAsync();
    }

    public bool IsConnected => _fault is null;

    public static async Task<PhysicalConnection> OpenAsync(RedisConnectionOptions options, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.ConnectTimeout);
            try
            {
                await socket.ConnectAsync(options.Host, options.Port, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new RedisConnectionException($"cannot reach Redis at {options.Endpoint}: no answer within {options.ConnectTimeout.TotalMilliseconds:0} ms");
            }
            catch (SocketException ex)
            {
                throw new RedisConnectionException($"cannot reach Redis at {options.Endpoint}: {Describe(ex.SocketErrorCode, ex.Message)}", ex);
            }

            Stream stream = new NetworkStream(socket, ownsSocket: false);
            if (options.Ssl)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                try
                {
                    await ssl.AuthenticateAsClientAsync(TlsValidation.For(options), cancellationToken).WaitAsync(options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException or TimeoutException)
                {
                    await ssl.DisposeAsync().ConfigureAwait(false);
                    throw new RedisConnectionException($"cannot reach Redis at {options.Endpoint}: TLS handshake failed ({ex.Message})", ex);
                }

                stream = ssl;
            }

            return new PhysicalConnection(socket, stream, options.Endpoint);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends one command and waits for its reply; an error reply throws <see cref="RedisServerException"/>.</summary>
    public async Task<RedisResult> SendAsync(IReadOnlyList<string> command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        RespWriter.Write(buffer, command);
        var reply = new TaskCompletionSource<RedisResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfFaulted();
            _pending.Enqueue(reply);
            await _stream.WriteAsync(buffer.WrittenMemory, CancellationToken.None).ConfigureAwait(false);
            await _stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);

            // A fault between the check above and the enqueue would otherwise leave this slot unanswered.
            if (_fault is not null)
            {
                FailPending();
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            Fault(ex);
        }
        finally
        {
            _writeLock.Release();
        }

        try
        {
            return await reply.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var timedOut = new RedisTimeoutException($"Redis at {_endpoint} did not answer {command[0]} within {timeout.TotalMilliseconds:0} ms.");

            // Nothing at all came back for a whole timeout: the link is dead without having said so (a silent
            // network drop sends no reset). Dropping it lets the next command reconnect instead of timing out too.
            // Otherwise the slot stays queued: its reply will still arrive and must be consumed in order.
            if (Environment.TickCount64 - Interlocked.Read(ref _lastReplyAt) >= (long)timeout.TotalMilliseconds)
            {
                Fault(timedOut);
            }

            throw timedOut;
        }
    }

    private async Task ReadLoopAsync()
    {
        var reader = new RespReader(_stream);
        try
        {
            while (true)
            {
                var reply = await reader.ReadAsync(_closing.Token).ConfigureAwait(false);
                if (reply is null)
                {
                    continue; // a RESP3 push: no command waits for it
                }

                Interlocked.Exchange(ref _lastReplyAt, Environment.TickCount64);
                if (!_pending.TryDequeue(out var waiter))
                {
                    throw new InvalidDataException("Redis sent a reply no command was waiting for.");
                }

                if (reply is RedisServerException error)
                {
                    waiter.TrySetException(error);
                }
                else
                {
                    waiter.TrySetResult((RedisResult)reply);
                }
            }
        }
        catch (Exception ex)
        {
            Fault(ex);
        }
    }

    private void Fault(Exception cause)
    {
        var lost = new RedisConnectionException(
            _closing.IsCancellationRequested ? $"connection to Redis at {_endpoint} was closed" : $"connection to Redis at {_endpoint} lost: {cause.Message}", cause);
        _fault ??= lost;
        _closing.Cancel();
        _socket.Dispose();
        FailPending();
    }

    private void FailPending()
    {
        while (_pending.TryDequeue(out var waiter))
        {
            waiter.TrySetException(_fault!);
        }
    }

    private void ThrowIfFaulted()
    {
        if (_fault is { } fault)
        {
            throw fault as RedisConnectionException ?? new RedisConnectionException(fault.Message, fault);
        }
    }

    private static string Describe(SocketError error, string fallback) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
        SocketError.TimedOut => "timed out",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable => "unreachable",
        _ => fallback,
    };

    public async ValueTask DisposeAsync()
    {
        _closing.Cancel();
        Fault(new ObjectDisposedException(nameof(PhysicalConnection)));
        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}
