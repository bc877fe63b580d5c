using System.Globalization;

namespace NetworkingBot.Storage.Redis.Client;

/// <summary>
/// A parsed connection string in StackExchange.Redis's shape:
/// <c>host:port,password=...,user=...,ssl=true,sslHost=...,sslCaFile=ca.pem,defaultDatabase=0,prefix=nb:,connectTimeout=5000,commandTimeout=5000,reconnectTimeout=30000</c>.
/// Times are milliseconds, as in StackExchange.Redis, so a string written for it works here.
/// </summary>
public sealed record RedisConnectionOptions
{
    public string Host { get; init; } = "localhost";

    public int Port { get; init; } = 6379;

    public string? User { get; init; }

    public string? Password { get; init; }

    public bool Ssl { get; init; }

    /// <summary>The name the server's certificate must carry; the host by default.</summary>
    public string? SslHost { get; init; }

    /// <summary>A PEM file with the CA that signed the server's certificate, for servers with a private CA.</summary>
    public string? SslCaFile { get; init; }

    public int Database { get; init; }

    /// <summary>Prepended to every key, so several deployments (or tests) share one server without meeting.</summary>
    public string Prefix { get; init; } = "";

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a command keeps retrying while the server is unreachable before it fails.</summary>
    public TimeSpan ReconnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>"host:port", for messages.</summary>
    public string Endpoint => $"{Host}:{Port}";

    /// <summary>Parses <paramref name="text"/>; a mistake throws <see cref="FormatException"/> naming the part and the fix.</summary>
    public static RedisConnectionOptions Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("The Redis connection string is empty; give at least host:port, e.g. \"localhost:6379,prefix=nb:\".");
        }

        var options = new RedisConnectionOptions();
        var endpointSeen = false;
        foreach (var raw in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = raw.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                // Only one endpoint: a replica list would need failover logic this client does not have.
                if (endpointSeen)
                {
                    throw new FormatException($"The Redis connection string names a second endpoint '{raw}'; give exactly one host:port.");
                }

                options = WithEndpoint(options, raw);
                endpointSeen = true;
                continue;
            }

            options = WithSetting(options, raw[..eq].Trim(), raw[(eq + 1)..].Trim());
        }

        return endpointSeen ? options : throw new FormatException("The Redis connection string names no host:port, e.g. \"localhost:6379\".");
    }

    private static RedisConnectionOptions WithEndpoint(RedisConnectionOptions options, string endpoint)
    {
        var colon = endpoint.LastIndexOf(':');
        if (colon < 0)
        {
            return options with { Host = endpoint };
        }

        var host = endpoint[..colon].Trim('[', ']');
        if (host.Length == 0 || !int.TryParse(endpoint[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new FormatException($"'{endpoint}' in the Redis connection string is not host:port with a port from 1 to 65535.");
        }

        return options with { Host = host, Port = port };
    }

    private static RedisConnectionOptions WithSetting(RedisConnectionOptions options, string key, string value) =>
        key.ToUpperInvariant() switch
        {
            "PASSWORD" => options with { Password = value },
            "USER" => options with { User = value },
            "SSL" => options with { Ssl = Bool(key, value) },
            "SSLHOST" => options with { SslHost = value },
            "SSLCAFILE" => options with { SslCaFile = value },
            "DEFAULTDATABASE" => options with { Database = Int(key, value, 0, 10_000) },
            "PREFIX" => options with { Prefix = value },
            "CONNECTTIMEOUT" => options with { ConnectTimeout = Millis(key, value) },
            "COMMANDTIMEOUT" or "SYNCTIMEOUT" or "ASYNCTIMEOUT" => options with { CommandTimeout = Millis(key, value) },
            "RECONNECTTIMEOUT" => options with { ReconnectTimeout = Millis(key, value) },
            _ => throw new FormatException(
                $"Unknown setting '{key}' in the Redis connection string; known: password, user, ssl, sslHost, sslCaFile, defaultDatabase, prefix, connectTimeout, commandTimeout, reconnectTimeout."),
        };

    private static bool Bool(string key, string value) => bool.TryParse(value, out var b)
        ? b
        : throw new FormatException($"'{key}={value}' in the Redis connection string must be true or false.");

    private static int Int(string key, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new FormatException($"'{key}={value}' in the Redis connection string must be a whole number from {min} to {max}.");

    private static TimeSpan Millis(string key, string value) => TimeSpan.FromMilliseconds(Int(key, value, 1, 3_600_000));

    /// <summary>Never prints the password.</summary>
    public override string ToString() => $"{Endpoint},db={Database},ssl={Ssl},prefix={Prefix}";
}
