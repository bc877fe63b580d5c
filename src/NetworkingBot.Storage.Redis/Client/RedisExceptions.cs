namespace NetworkingBot.Storage.Redis.Client;

/// <summary>The server answered with an error reply (e.g. "WRONGTYPE ...", "NOSCRIPT ...").</summary>
public sealed class RedisServerException(string message) : Exception(message)
{
    /// <summary>The error's first word, which Redis uses as its code.</summary>
    public string Code => Message.Split(' ', 2)[0];
}

/// <summary>
/// The server could not be reached, refused the handshake, or the connection dropped under a command.
/// <see cref="Transient"/> tells whether trying again may help (a refused password will not).
/// </summary>
public sealed class RedisConnectionException(string message, Exception? inner = null, bool transient = true) : Exception(message, inner)
{
    public bool Transient { get; } = transient;
}

/// <summary>A command got no reply within the command timeout.</summary>
public sealed class RedisTimeoutException(string message) : TimeoutException(message);
