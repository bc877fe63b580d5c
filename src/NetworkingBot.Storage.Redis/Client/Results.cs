using StackExchange.Redis;

namespace NetworkingBot.Storage.Redis.Client;

/// <summary>
/// Folds StackExchange.Redis's reply into the store's <see cref="RedisResult"/>: the few shapes the scripts and
/// raw commands answer with (nil, integer, text, array), whichever protocol the server speaks.
/// </summary>
internal static class Results
{
    public static RedisResult From(StackExchange.Redis.RedisResult reply)
    {
        if (reply.IsNull)
        {
            return RedisResult.Nil;
        }

        // RESP3 verbatim text (INFO, CLIENT LIST) comes as "txt:..." from the library; the format is not the text.
        if (reply.Resp3Type == ResultType.VerbatimString && ((string?)reply) is { Length: >= 4 } verbatim && verbatim[3] == ':')
        {
            return RedisResult.OfText(verbatim[4..]);
        }

        return reply.Resp2Type switch
        {
            ResultType.Integer => RedisResult.OfInteger((long)reply),
            ResultType.Array => RedisResult.OfArray(((StackExchange.Redis.RedisResult[])reply!).Select(From).ToList()),
            _ => RedisResult.OfText((string?)reply ?? ""),
        };
    }
}
