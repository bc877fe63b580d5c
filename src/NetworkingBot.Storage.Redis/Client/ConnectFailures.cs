using StackExchange.Redis;

namespace NetworkingBot.Storage.Redis.Client;

/// <summary>
/// Turns StackExchange.Redis's connect failure into the few words an operator acts on ("connection refused",
/// "TLS handshake failed: ...", "the server refused the credentials"). The exception itself only says that no
/// server could be reached; the cause is in the library's connect log, on the line after "Connection failed".
/// </summary>
internal static class ConnectFailures
{
    /// <summary>What <see cref="Describe"/> says when the log names no cause.</summary>
    public const string NoAnswer = "no answer within connectTimeout";

    /// <param name="ex">The library's connect failure.</param>
    /// <param name="connectLog">The library's connect log.</param>
    /// <param name="ssl">Whether the connection uses TLS.</param>
    /// <param name="credentials">Whether a password was configured (without one the server cannot refuse credentials).</param>
    public static string Describe(RedisConnectionException ex, string connectLog, bool ssl, bool credentials)
    {
        var cause = FirstCause(connectLog);
        if (cause.Contains("refused", StringComparison.OrdinalIgnoreCase))
        {
            return "connection refused";
        }

        if (cause.Contains("WRONGPASS", StringComparison.Ordinal) || cause.Contains("NOAUTH", StringComparison.Ordinal))
        {
            return $"the server refused the credentials (user=, password=): {cause}";
        }

        // The library files a failed TLS handshake under AuthenticationFailure too, so TLS is told apart first.
        if (ssl && cause.Length > 0)
        {
            return $"TLS handshake failed: {cause}";
        }

        // Under load the library can fail before its log names the cause. It files a refused TLS handshake under
        // AuthenticationFailure as well, so without a password configured that is what it was (a CI run read "the
        // server refused the credentials" for an untrusted certificate).
        if (ex.FailureType == ConnectionFailureType.AuthenticationFailure)
        {
            return ssl && (!credentials || Handshake(ex) is not null)
                ? $"TLS handshake failed: {Handshake(ex)?.Message ?? "the server's certificate was not accepted, or it does not speak TLS"}"
                : "the server refused the credentials (user=, password=)";
        }

        return cause.Length > 0 ? cause : NoAnswer;
    }

    /// <summary>
    /// Whether the first endpoint refuses a plain TCP connection: under load the library can fail a connect before its
    /// log names the cause, and "connection refused" (nothing listens there) is the answer an operator acts on.
    /// </summary>
    public static async Task<bool> RefusesAsync(ConfigurationOptions configuration)
    {
        var (host, port) = configuration.EndPoints.FirstOrDefault() switch
        {
            System.Net.DnsEndPoint d => (d.Host, d.Port),
            System.Net.IPEndPoint i => (i.Address.ToString(), i.Port),
            _ => (null, 0),
        };
        if (host is null)
        {
            return false;
        }

        using var client = new System.Net.Sockets.TcpClient();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(host, port, patience.Token).ConfigureAwait(false);
            return false;
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            return ex.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionRefused;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The TLS handshake's own failure, when the library kept it in the exception's chain.</summary>
    private static System.Security.Authentication.AuthenticationException? Handshake(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is System.Security.Authentication.AuthenticationException handshake)
            {
                return handshake;
            }
        }

        return null;
    }

    /// <summary>The first cause line ("> ...") after the first "Connection failed" in the log.</summary>
    private static string FirstCause(string log)
    {
        var lines = log.Split('\n', StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains("Connection failed:", StringComparison.Ordinal))
            {
                var cause = i + 1 < lines.Length && lines[i + 1].Contains("> ", StringComparison.Ordinal)
                    ? lines[i + 1][(lines[i + 1].IndexOf("> ", StringComparison.Ordinal) + 2)..].TrimEnd('.')
                    : "";
                return cause;
            }
        }

        return "";
    }
}
