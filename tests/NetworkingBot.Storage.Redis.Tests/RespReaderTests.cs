using System.Text;
using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Storage.Redis.Tests;

public sealed class RespReaderTests
{
    [Fact]
    public async Task Reads_every_resp2_type()
    {
        var replies = await ReadAllAsync("+OK\r\n-ERR wrong\r\n:-42\r\n$4\r\nhé!\r\n$-1\r\n*2\r\n$1\r\na\r\n:1\r\n*-1\r\n$0\r\n\r\n", 8);

        Assert.Equal(RedisResult.OfText("OK"), replies[0]);
        Assert.Equal("ERR wrong", Assert.IsType<RedisServerException>(replies[1]).Message);
        Assert.Equal("ERR", ((RedisServerException)replies[1]!).Code);
        Assert.Equal(-42, ((RedisResult)replies[2]!).AsInt64());
        Assert.Equal("hé!", ((RedisResult)replies[3]!).AsString());
        Assert.True(((RedisResult)replies[4]!).IsNull);
        Assert.Equal(["a", "1"], ((RedisResult)replies[5]!).AsStrings());
        Assert.True(((RedisResult)replies[6]!).IsNull);
        Assert.Equal("", ((RedisResult)replies[7]!).AsString());
    }

    [Fact]
    public async Task Folds_resp3_types_and_skips_pushes()
    {
        var replies = await ReadAllAsync(
            "_\r\n#t\r\n,3.5\r\n(123456789012345678901\r\n%1\r\n+k\r\n:7\r\n~1\r\n+m\r\n=7\r\ntxt:abc\r\n>2\r\n+pubsub\r\n+x\r\n|1\r\n+ttl\r\n:3\r\n+after\r\n!5\r\nOOPS!\r\n",
            10);

        Assert.True(((RedisResult)replies[0]!).IsNull);
        Assert.Equal(1, ((RedisResult)replies[1]!).AsInt64());
        Assert.Equal("3.5", ((RedisResult)replies[2]!).AsString());
        Assert.Equal("123456789012345678901", ((RedisResult)replies[3]!).AsString());
        Assert.Equal(["k", "7"], ((RedisResult)replies[4]!).AsStrings());
        Assert.Equal(["m"], ((RedisResult)replies[5]!).AsStrings());
        Assert.Equal("abc", ((RedisResult)replies[6]!).AsString());
        Assert.Null(replies[7]);
        Assert.Equal("after", ((RedisResult)replies[8]!).AsString());
        Assert.Equal("OOPS!", Assert.IsType<RedisServerException>(replies[9]).Message);
    }

    [Fact]
    public async Task Reads_a_blob_larger_than_its_buffer_delivered_in_small_pieces()
    {
        var big = new string('x', 200_000);
        var replies = await ReadAllAsync($"${big.Length}\r\n{big}\r\n:1\r\n", 2, chunk: 1000);

        Assert.Equal(big, ((RedisResult)replies[0]!).AsString());
        Assert.Equal(1, ((RedisResult)replies[1]!).AsInt64());
    }

    [Fact]
    public async Task A_closed_stream_mid_reply_is_an_end_of_stream()
    {
        var reader = new RespReader(new MemoryStream(Encoding.UTF8.GetBytes("$10\r\nabc")));

        await Assert.ThrowsAsync<EndOfStreamException>(async () => await reader.ReadAsync(CancellationToken.None));
    }

    private static async Task<List<object?>> ReadAllAsync(string wire, int count, int chunk = int.MaxValue)
    {
        var reader = new RespReader(new ChunkedStream(Encoding.UTF8.GetBytes(wire), chunk));
        var replies = new List<object?>();
        for (var i = 0; i < count; i++)
        {
            replies.Add(await reader.ReadAsync(CancellationToken.None));
        }

        return replies;
    }

    /// <summary>Returns at most a few bytes per read, as a socket may.</summary>
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
