using System.Globalization;
using StackExchange.Redis;

namespace NetworkingBot.Storage.Redis.Client;

/// <summary>
/// A connection string in StackExchange.Redis's configuration syntax (<c>host:port,password=...,user=...,ssl=true,
/// sslHost=...,defaultDatabase=0,connectTimeout=5000,syncTimeout=5000,asyncTimeout=5000,...</c>), plus the few
/// settings of our own that existing deployments carry and the library does not know: <c>prefix=</c> (put before
/// every key), <c>sslCaFile=</c> (a PEM CA for a server with a private CA), <c>commandTimeout=</c> (both of the
/// library's sync and async timeouts) and <c>reconnectTimeout=</c> (accepted, no longer used: see
/// <see cref="IgnoredSettings"/>). Ours are taken out before the rest goes to <see cref="ConfigurationOptions.Parse(string)"/>.
/// </summary>
public sealed record RedisConnectionOptions
{
    private RedisConnectionOptions(ConfigurationOptions configuration)
    {
        Configuration = configuration;
    }

    /// <summary>What StackExchange.Redis connects with; a fresh clone per call, so a caller cannot change ours.</summary>
    public ConfigurationOptions Configuration { get => field.Clone(); private init; }

    /// <summary>Prepended to every key, so several deployments (or tests) share one server without meeting.</summary>
    public string Prefix { get; private init; } = "";

    /// <summary>A PEM file with the CA that signed the server's certificate, for servers with a private CA.</summary>
    public string? SslCaFile { get; private init; }

    /// <summary>Settings given that no longer do anything, to be named in a warning at start.</summary>
    public IReadOnlyList<string> IgnoredSettings { get; private init; } = [];

    /// <summary>The endpoints as "host:port, host:port", for messages.</summary>
    public string Endpoint => string.Join(", ", Configuration.EndPoints.Select(EndPointText));

    private static string EndPointText(System.Net.EndPoint endpoint) => endpoint switch
    {
        System.Net.DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        System.Net.IPEndPoint ip => ip.ToString(),
        _ => endpoint.ToString() ?? "",
    };

    /// <summary>Parses <paramref name="text"/>; a mistake throws <see cref="FormatException"/> naming the part and the fix.</summary>
    public static RedisConnectionOptions Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("The Redis connection string is empty; give at least host:port, e.g. \"localhost:6379,prefix=nb:\".");
        }

        string prefix = "";
        string? caFile = null;
        int? commandTimeout = null;
        var ignored = new List<string>();
        var rest = new List<string>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? "" : part[..eq].Trim();
            var value = eq < 0 ? "" : part[(eq + 1)..].Trim();
            switch (key.ToUpperInvariant())
            {
                case "PREFIX": prefix = value; break;
                case "SSLCAFILE": caFile = value; break;
                case "COMMANDTIMEOUT": commandTimeout = Millis(key, value); break;
                case "RECONNECTTIMEOUT": Millis(key, value); ignored.Add(key); break;
                default:
                    if (eq < 0)
                    {
                        CheckEndpoint(part);
                    }

                    rest.Add(part);
                    break;
            }
        }

        if (!rest.Any(part => !part.Contains('=', StringComparison.Ordinal)))
        {
            throw new FormatException("The Redis connection string names no host:port, e.g. \"localhost:6379\".");
        }

        ConfigurationOptions configuration;
        try
        {
            configuration = ConfigurationOptions.Parse(string.Join(',', rest));
        }
        catch (ArgumentException ex)
        {
            throw new FormatException(
                $"Unknown setting '{ex.ParamName}' in the Redis connection string; it takes StackExchange.Redis's settings (password, user, ssl, sslHost, defaultDatabase, connectTimeout, syncTimeout, asyncTimeout, ...) and prefix, sslCaFile, commandTimeout.",
                ex);
        }

        if (configuration.EndPoints.Count == 0)
        {
            throw new FormatException("The Redis connection string names no host:port, e.g. \"localhost:6379\".");
        }

        // A host without a port means the default one (6379, or 6380 with ssl), as it will when connecting.
        configuration.SetDefaultPorts();
        if (commandTimeout is { } timeout)
        {
            configuration.SyncTimeout = timeout;
            configuration.AsyncTimeout = timeout;
        }

        if (caFile is not null)
        {
            // Checked here, so an unreadable file is a setting problem at start rather than a failed handshake later.
            configuration.CertificateValidation += TlsValidation.TrustingCa(TlsValidation.ReadCa(caFile));
        }

        return new RedisConnectionOptions(configuration) { Prefix = prefix, SslCaFile = caFile, IgnoredSettings = ignored };
    }

    /// <summary>The library skips an endpoint it cannot read; a typo in the port must not silently mean 6379.</summary>
    private static void CheckEndpoint(string endpoint)
    {
        var colon = endpoint.LastIndexOf(':');
        if (colon >= 0 && !endpoint.EndsWith(']')
            && (colon == 0 || !int.TryParse(endpoint[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535))
        {
            throw new FormatException($"'{endpoint}' in the Redis connection string is not host:port with a port from 1 to 65535.");
        }
    }

    private static int Millis(string key, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 3_600_000
            ? n
            : throw new FormatException($"'{key}={value}' in the Redis connection string must be a whole number of milliseconds from 1 to 3600000.");

    /// <summary>Never prints the password.</summary>
    public override string ToString() => $"{Endpoint},db={Configuration.DefaultDatabase ?? 0},ssl={Configuration.Ssl},prefix={Prefix}";
}
