using NetworkingBot.Discord.Rest;

namespace NetworkingBot.Discord.Tests.Rest;

public sealed class RateLimitHeadersTests
{
    [Fact]
    public void Success_headers_give_bucket_remaining_and_reset_after()
    {
        using var response = Fixture.Response("http_ratelimit_headers_success.json");

        var headers = RateLimitHeaders.From(response.Headers);

        Assert.Equal("abcd1234", headers.Bucket);
        Assert.Equal(5, headers.Limit);
        Assert.Equal(0, headers.Remaining);
        Assert.Equal(TimeSpan.FromSeconds(1), headers.ResetAfter);
        Assert.True(headers.HasBucketInfo);
        Assert.False(headers.Global);
    }

    [Fact]
    public void Global_429_headers_say_global_and_carry_retry_after_but_no_bucket()
    {
        using var response = Fixture.Response("http_429_global.json");

        var headers = RateLimitHeaders.From(response.Headers);

        Assert.True(headers.Global);
        Assert.Equal("global", headers.Scope);
        Assert.Equal(TimeSpan.FromSeconds(65), headers.RetryAfter);
        Assert.False(headers.HasBucketInfo);
    }

    [Fact]
    public void User_scope_429_has_fractional_reset_after_and_is_not_shared()
    {
        using var response = Fixture.Response("http_429_user_scope.json");

        var headers = RateLimitHeaders.From(response.Headers);

        Assert.Equal(TimeSpan.FromSeconds(64.57), headers.ResetAfter);
        Assert.Equal("user", headers.Scope);
        Assert.False(headers.IsSharedScope);
        Assert.False(headers.Global);
    }

    [Theory]
    [InlineData("channels/{channel_id}/messages", new[] { "111" }, "111")]
    [InlineData("guilds/{guild_id}/members/{user_id}", new[] { "222", "9" }, "222")]
    [InlineData("webhooks/{application_id}/{interaction_token}/messages/@original", new[] { "333", "tok" }, "333/tok")]
    [InlineData("webhooks/{webhook_id}", new[] { "444" }, "444")]
    [InlineData("interactions/{interaction_id}/{interaction_token}/callback", new[] { "555", "tok" }, "")]
    [InlineData("users/@me/channels", new string[0], "")]
    public void Major_parameter_is_the_top_level_resource(string template, string[] values, string expected)
    {
        Assert.Equal(expected, RouteKeys.MajorParameter(new DiscordRoute(HttpMethod.Post, template, values)));
    }

    [Fact]
    public async Task Bucket_key_uses_the_learned_hash_and_keeps_channels_apart()
    {
        var limiter = new RateLimiter(TimeProvider.System, new DiscordRestLimits());
        var a = new DiscordRoute(HttpMethod.Post, "channels/{channel_id}/messages", "1");
        var b = new DiscordRoute(HttpMethod.Post, "channels/{channel_id}/messages", "2");
        Assert.Equal("POST channels/{channel_id}/messages:1", limiter.BucketKey(a));

        using var response = Fixture.Response("http_ratelimit_headers_success.json");
        var lease = await limiter.AcquireAsync(a, CancellationToken.None);
        limiter.Complete(lease, RateLimitHeaders.From(response.Headers), success: true);

        Assert.Equal("abcd1234:1", limiter.BucketKey(a));
        Assert.Equal("abcd1234:2", limiter.BucketKey(b));
        Assert.Equal("GET channels/{channel_id}/messages:1", limiter.BucketKey(a with { Method = HttpMethod.Get }));
    }
}
