namespace NetworkingBot.Discord.Gateway;

/// <summary>What a shard does after the server closed its socket with a given code.</summary>
internal enum CloseAction
{
    /// <summary>Reconnect with backoff and resume the session.</summary>
    Resume,

    /// <summary>Reconnect with backoff and start a new session (4007 invalid seq, 4009 session timed out).</summary>
    Reidentify,

    /// <summary>Stop the shard for good: retrying cannot fix it.</summary>
    Fatal,
}

/// <summary>Discord's gateway close codes (opcodes-and-status-codes) and what each asks of the operator.</summary>
internal static class GatewayCloseCodes
{
    public const int Normal = 1000;

    /// <summary>What the client sends when it drops a connection it means to resume (any code but 1000/1001).</summary>
    public const int Reconnecting = 4000;

    public static CloseAction Classify(int? code) => code switch
    {
        4007 or 4009 => CloseAction.Reidentify,
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => CloseAction.Fatal,
        // 1000/1001 from the server still leave the session ours to try; Discord answers op 9 if it is gone.
        _ => CloseAction.Resume,
    };

    /// <summary>The fix an operator needs for a fatal close code, for the error log line.</summary>
    public static string FatalReason(int code) => code switch
    {
        4004 => "the bot token was rejected: check Discord__Token (Developer Portal, Bot tab, Reset Token)",
        4010 => "invalid shard: Discord:ShardIds must be below Discord:ShardCount",
        4011 => "sharding required: the bot is in too many guilds for one shard; set Discord:ShardCount to 0 to use Discord's recommendation",
        4012 => "invalid API version: the client must connect with v=10",
        4013 => "invalid intents: the IDENTIFY intents value is not a valid bitfield",
        4014 => "disallowed intents: enable the intent in the Developer Portal or remove it",
        _ => $"close code {code}",
    };
}
