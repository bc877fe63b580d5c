namespace NetworkingBot.Discord.Gateway;

/// <summary>What the shard does after a connection ended.</summary>
internal enum ConnectionEndKind
{
    /// <summary>The bot is shutting down.</summary>
    Stopped,

    /// <summary>A close code retrying cannot fix: the shard stops for good.</summary>
    Fatal,

    /// <summary>Reconnect at once and resume (op 7, zombied connection, op 9 with d:true).</summary>
    ResumeNow,

    /// <summary>Reconnect after a backoff and resume if a session exists (network error, resumable close code).</summary>
    ResumeAfterBackoff,

    /// <summary>Reconnect after a backoff and start a new session (close 4007 or 4009).</summary>
    IdentifyAfterBackoff,

    /// <summary>Wait a random 1-5 s, then start a new session (op 9 with d:false).</summary>
    IdentifyAfterInvalidSession,
}

/// <summary>How and why a connection ended; <paramref name="CloseCode"/> is the server's, when it sent one.</summary>
internal sealed record ConnectionEnd(ConnectionEndKind Kind, string Reason, int? CloseCode = null);
