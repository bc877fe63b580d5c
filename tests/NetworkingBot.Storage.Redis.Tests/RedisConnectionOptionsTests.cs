using NetworkingBot.Storage.Redis.Client;

namespace NetworkingBot.Storage.Redis.Tests;

public sealed class RedisConnectionOptionsTests
{
    [Fact]
    public void StackExchange_settings_go_to_the_library_and_ours_are_taken_out()
    {
        var options = RedisConnectionOptions.Parse(
            " redis.example.org:6380 , user=bot,password=p=w,ssl=true,sslHost=cache.example.org,defaultDatabase=3,prefix=nb:,connectTimeout=1500,syncTimeout=2500");
        var configuration = options.Configuration;

        Assert.Equal("redis.example.org:6380", options.Endpoint);
        Assert.Equal(("bot", "p=w", true, "cache.example.org", 3), (configuration.User, configuration.Password, configuration.Ssl, configuration.SslHost, configuration.DefaultDatabase));
        Assert.Equal((1500, 2500), (configuration.ConnectTimeout, configuration.SyncTimeout));
        Assert.Equal("nb:", options.Prefix);
        Assert.DoesNotContain("prefix", configuration.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("p=w", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_settings_existing_deployments_carry_keep_working()
    {
        var options = RedisConnectionOptions.Parse("localhost:6379,prefix=nb:,commandTimeout=2000,reconnectTimeout=30000");

        Assert.Equal("nb:", options.Prefix);
        Assert.Equal((2000, 2000), (options.Configuration.SyncTimeout, options.Configuration.AsyncTimeout));
        Assert.Equal(["reconnectTimeout"], options.IgnoredSettings);
    }

    [Fact]
    public void A_host_alone_gets_the_default_port_and_settings()
    {
        var options = RedisConnectionOptions.Parse("localhost");

        Assert.Equal("localhost:6379", options.Endpoint);
        Assert.False(options.Configuration.Ssl);
        Assert.Equal("", options.Prefix);
        Assert.Empty(options.IgnoredSettings);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("prefix=nb:", "names no host:port")]
    [InlineData("localhost:99999", "port from 1 to 65535")]
    [InlineData("localhost:abc", "port from 1 to 65535")]
    [InlineData("localhost,commandTimeout=soon", "'commandTimeout=soon'")]
    [InlineData("localhost,sslCaFile=/no/such/ca.pem", "sslCaFile '/no/such/ca.pem' cannot be read")]
    [InlineData("localhost,passwrd=x", "passwrd")]
    public void A_mistake_is_named(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => RedisConnectionOptions.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
