using System.Globalization;

namespace NetworkingBot.Storage.Redis.Client;

/// <summary>The kinds of reply RESP2 and RESP3 carry, folded into the few a caller tells apart.</summary>
public enum RedisResultKind
{
    Null,
    Text,
    Number,
    Array,
}

/// <summary>
/// One reply. RESP3 types are folded in: maps and sets become arrays, doubles and big numbers text, booleans
/// integers, so callers handle one shape whichever protocol the server speaks.
/// </summary>
public sealed record RedisResult(RedisResultKind Kind, string? Text = null, long Number = 0, IReadOnlyList<RedisResult>? Items = null)
{
    public static readonly RedisResult Nil = new(RedisResultKind.Null);

    public bool IsNull => Kind == RedisResultKind.Null;

    public static RedisResult OfText(string text) => new(RedisResultKind.Text, text);

    public static RedisResult OfInteger(long value) => new(RedisResultKind.Number, Number: value);

    public static RedisResult OfArray(IReadOnlyList<RedisResult> items) => new(RedisResultKind.Array, Items: items);

    /// <summary>The integer value; bulk text holding digits counts, as Lua scripts often return numbers as text.</summary>
    public long AsInt64() => Kind switch
    {
        RedisResultKind.Number => Number,
        RedisResultKind.Text when long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        _ => throw new InvalidCastException($"Expected an integer reply, got {this}."),
    };

    public string? AsString() => Kind switch
    {
        RedisResultKind.Null => null,
        RedisResultKind.Text => Text,
        RedisResultKind.Number => Number.ToString(CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException($"Expected a text reply, got an array of {Items!.Count}."),
    };

    public IReadOnlyList<RedisResult> AsArray() => Kind switch
    {
        RedisResultKind.Array => Items!,
        RedisResultKind.Null => [],
        _ => throw new InvalidCastException($"Expected an array reply, got {this}."),
    };

    public IReadOnlyList<string> AsStrings() => AsArray().Select(i => i.AsString() ?? "").ToList();

    public override string ToString() => Kind switch
    {
        RedisResultKind.Null => "(nil)",
        RedisResultKind.Number => $"(integer) {Number}",
        RedisResultKind.Text => $"\"{Text}\"",
        _ => $"(array of {Items!.Count})",
    };
}
