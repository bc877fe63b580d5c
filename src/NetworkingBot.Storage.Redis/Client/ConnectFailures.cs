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

    public static string Describe(RedisConnectionException ex, string connectLog, bool ssl)
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

        if (ex.FailureType == ConnectionFailureType.AuthenticationFailure)
        {
            return "the server refused the credentials (user=, password=)";
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
