using Microsoft.Extensions.Logging;
using NetworkingBot.Discord.Rest;
using NetworkingBot.Testing;

namespace NetworkingBot.Discord.Tests.Rest;

public sealed class DiscordRestClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Sends_bot_token_user_agent_and_snake_case_json()
    {
        await using var h = await RestHarness.StartAsync();

        var result = await h.Client.SendAsync(RestHarness.ChannelMessages("10"), new { Content = "hi", EnforceNonce = true }, CancellationToken.None);

        var call = Assert.Single(h.Fake.Calls);
        Assert.Equal("Bot test-token", call.Authorization);
        Assert.Equal(DiscordRestClient.UserAgent, call.UserAgent);
        Assert.Equal("hi", call.BodyString("content"));
        Assert.True(call.Body!.Value.GetProperty("enforce_nonce").GetBoolean());
        Assert.Equal("10", result!.Value.GetProperty("channel_id").GetString());
    }

    [Fact]
    public async Task No_content_returns_null()
    {
        await using var h = await RestHarness.StartAsync();

        var result = await h.Client.SendAsync(new DiscordRoute(HttpMethod.Post, "interactions/{interaction_id}/{interaction_token}/callback", "1", "tok"), new { Type = 5 }, CancellationToken.None);

        Assert.Null(result);
    }

    [Fact]
    public async Task Per_route_429_waits_retry_after_and_delivers_once()
    {
        await using var h = await RestHarness.StartAsync();
        h.Fake.RateLimitNext(2, retryAfterSeconds: 0.1, pathPrefix: "channels/");

        await h.Client.SendAsync(RestHarness.ChannelMessages("10"), new { Content = "once" }, CancellationToken.None);

        var calls = h.Fake.Calls;
        Assert.Equal([429, 429, 200], calls.Select(c => c.Status));
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(90));
        Assert.Single(h.Fake.Messages);
    }

    [Fact]
    public async Task Global_429_pauses_other_routes_too_but_not_interactions()
    {
        await using var h = await RestHarness.StartAsync();
        h.Fake.RateLimitNext(1, retryAfterSeconds: 0.3, global: true, pathPrefix: "channels/10");
        var first = h.Client.SendAsync(RestHarness.ChannelMessages("10"), new { Content = "a" }, CancellationToken.None);
        await h.Fake.WaitForAsync(c => c.Status == 429, Timeout);
        // The fake has answered; wait until the client has read the answer and paused.
        await Eventually.TrueAsync(() => h.Client.Limiter.Global.PausedUntil > DateTimeOffset.UtcNow, "the global pause");

        var other = h.Client.SendAsync(RestHarness.ChannelMessages("20"), new { Content = "b" }, CancellationToken.None);
        var interaction = h.Client.SendAsync(new DiscordRoute(HttpMethod.Post, "interactions/{interaction_id}/{interaction_token}/callback", "1", "tok"), new { Type = 5 }, CancellationToken.None);
        await interaction;
        Assert.False(other.IsCompleted, "a non-interaction request went out during a global pause");

        await Task.WhenAll(first, other);
        var limited = h.Fake.Calls.Single(c => c.Status == 429);
        var afterPause = h.Fake.Calls.Where(c => c.Path.StartsWith("channels/", StringComparison.Ordinal) && c.Succeeded).ToList();
        Assert.Equal(2, afterPause.Count);
        Assert.All(afterPause, c => Assert.True(c.At - limited.At >= TimeSpan.FromMilliseconds(280)));
    }

    [Fact]
    public async Task Honours_bucket_headers_so_a_burst_to_one_channel_gets_no_429()
    {
        await using var h = await RestHarness.StartAsync();
        h.Fake.MessagesPerWindow = 3;
        h.Fake.MessageWindow = TimeSpan.FromMilliseconds(150);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            h.Client.SendAsync(RestHarness.ChannelMessages("10"), new { Content = $"m{i}" }, CancellationToken.None)));

        Assert.Equal(10, h.Fake.Messages.Count);
        Assert.DoesNotContain(h.Fake.Calls, c => c.Status == 429);
    }

    [Fact]
    public async Task Retries_502_and_503_then_succeeds()
    {
        await using var h = await RestHarness.StartAsync();
        h.Fake.FailNext(1, 502);
        h.Fake.FailNext(1, 503);

        await h.Client.SendAsync(RestHarness.ChannelMessages("10"), new { Content = "x" }, CancellationToken.None);

        Assert.Equal([502, 503, 200], h.Fake.Calls.Select(c => c.Status));
    }

    [Fact]
    public async Task Gives_up_after_the_configured_transient_attempts()
    {
        await using var h = await RestHarness.StartAsync();
        h.Fake.FailNext(10, 503);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            h.Client.SendAsync(RestHarness.ChannelMessages("10"), new { Content = "x" }, CancellationToken.None));

        Assert.Equal(503, error.HttpStatus);
        Assert.Equal(RestHarness.FastLimits.TransientAttempts, h.Fake.Calls.Count);
    }

    [Fact]
    public async Task Unauthorized_throws_and_logs_the_token_hint_once()
    {
        await using var h = await RestHarness.StartAsync();
        h.Fake.RejectToken = true;

        for (var i = 0; i < 2; i++)
        {
            var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
                h.Client.SendAsync(new DiscordRoute(HttpMethod.Get, "gateway/bot"), null, CancellationToken.None));
            Assert.Equal(401, error.HttpStatus);
        }

        Assert.Single(h.Logger.Entries, e => e.Message.Contains("the bot token was rejected: check Discord__Token", StringComparison.Ordinal));
        Assert.Equal(2, h.Client.Guard.Count);
    }

    [Fact]
    public async Task Invalid_form_body_surfaces_field_errors()
    {
        await using var h = await RestHarness.StartAsync();

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            h.Client.SendAsync(RestHarness.ChannelMessages("10"), new { Content = new string('x', 2001) }, CancellationToken.None));

        Assert.Equal(50035, error.Code);
        Assert.Equal("Must be 2000 or fewer in length.", error.FieldErrors["content"]);
    }

    [Fact]
    public async Task Cloudflare_block_pauses_everything_logs_why_and_then_delivers()
    {
        await using var h = await RestHarness.StartAsync();
        h.Fake.BlockNext(1);

        await h.Client.SendAsync(RestHarness.ChannelMessages("10"), new { Content = "x" }, CancellationToken.None);

        var calls = h.Fake.Calls;
        Assert.Equal([429, 200], calls.Select(c => c.Status));
        Assert.True(calls[1].At - calls[0].At >= RestHarness.FastLimits.BlockedBackoff - TimeSpan.FromMilliseconds(10));
        Assert.Single(h.Logger.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("Cloudflare is blocking this IP", StringComparison.Ordinal));
        Assert.Single(h.Fake.Messages);
    }

    [Fact]
    public async Task Create_dm_answer_has_the_documented_shape_and_a_stable_id_per_recipient()
    {
        await using var h = await RestHarness.StartAsync();
        var documented = Fixture.Load("channel_dm_object.json");
        var route = new DiscordRoute(HttpMethod.Post, "users/@me/channels");

        var first = (await h.Client.SendAsync(route, new { RecipientId = "82198898841029460" }, CancellationToken.None))!.Value;
        var again = (await h.Client.SendAsync(route, new { RecipientId = "82198898841029460" }, CancellationToken.None))!.Value;

        Assert.All(documented.EnumerateObject(), p => Assert.True(first.TryGetProperty(p.Name, out _), $"missing {p.Name}"));
        Assert.Equal(1, first.GetProperty("type").GetInt32());
        Assert.Equal("82198898841029460", first.GetProperty("recipients")[0].GetProperty("id").GetString());
        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
    }
}
