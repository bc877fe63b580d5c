using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Storage.Redis.Tests;

public sealed class RedisConnectionOptionsTests
{
    [Fact]
    public void Parses_every_setting_in_stackexchange_form()
    {
        var options = RedisConnectionOptions.Parse(
            " redis.example.org:6380 , user=bot,password=p=w,ssl=true,sslHost=cache.example.org,defaultDatabase=3,prefix=nb:,connectTimeout=1500,syncTimeout=2500,reconnectTimeout=9000");

        Assert.Equal(
            new RedisConnectionOptions
            {
                Host = "redis.example.org",
                Port = 6380,
                User = "bot",
                Password = "p=w",
                Ssl = true,
                SslHost = "cache.example.org",
                Database = 3,
                Prefix = "nb:",
                ConnectTimeout = TimeSpan.FromMilliseconds(1500),
                CommandTimeout = TimeSpan.FromMilliseconds(2500),
                ReconnectTimeout = TimeSpan.FromSeconds(9),
            },
            options);
        Assert.DoesNotContain("p=w", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_alone_gets_the_default_port_and_settings()
    {
        var options = RedisConnectionOptions.Parse("localhost");

        Assert.Equal("localhost:6379", options.Endpoint);
        Assert.False(options.Ssl);
        Assert.Equal("", options.Prefix);
        Assert.Equal(0, options.Database);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("prefix=nb:", "names no host:port")]
    [InlineData("localhost:99999", "port from 1 to 65535")]
    [InlineData("localhost:abc", "port from 1 to 65535")]
    [InlineData("a:1,b:2", "second endpoint 'b:2'")]
    [InlineData("localhost,ssl=yes", "'ssl=yes'")]
    [InlineData("localhost,defaultDatabase=-1", "'defaultDatabase=-1'")]
    [InlineData("localhost,passwrd=x", "Unknown setting 'passwrd'")]
    public void A_mistake_is_named(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => RedisConnectionOptions.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
