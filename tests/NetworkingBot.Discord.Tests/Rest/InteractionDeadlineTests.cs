using NetworkingBot.Discord.Rest;

namespace NetworkingBot.Discord.Tests.Rest;

/// <summary>
/// Discord takes an interaction's first response only within 3 s. A 429 on the callback is honoured (nothing is sent
/// before retry_after), and the retries stop once the answer could no longer be accepted, instead of knocking again
/// every few seconds against a long retry_after with no end.
/// </summary>
public sealed class InteractionDeadlineTests
{
    // A client that retries without a deadline never returns: the test fails with a TimeoutException instead of hanging.
    private static readonly TimeSpan Regression = TimeSpan.FromSeconds(20);

    private static DiscordRoute Callback(DateTimeOffset notAfter) =>
        new(HttpMethod.Post, "interactions/{interaction_id}/{interaction_token}/callback", "1", "tok") { NotAfter = notAfter };

    [Fact]
    public async Task A_429_on_a_callback_is_waited_out_and_the_callback_sent_again_within_the_deadline()
    {
        await using var h = await RestHarness.StartAsync();
        h.Fake.RateLimitNext(1, retryAfterSeconds: 0.5, method: "POST", pathPrefix: "interactions/");

        await h.Client.SendAsync(Callback(DateTimeOffset.UtcNow.AddSeconds(3)), new { type = 4 }, CancellationToken.None).WaitAsync(Regression);

        var calls = h.Fake.Calls.Where(c => c.Path.StartsWith("interactions/", StringComparison.Ordinal)).ToList();
        Assert.Equal([429, 204], calls.Select(c => c.Status));
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(0.45), $"sent again after {calls[1].At - calls[0].At}");
    }

    [Fact]
    public async Task A_429_whose_retry_after_ends_past_the_deadline_ends_the_callback_at_once_with_one_log_line()
    {
        await using var h = await RestHarness.StartAsync();
        h.Fake.RateLimitNext(100, retryAfterSeconds: 10, method: "POST", pathPrefix: "interactions/");

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            h.Client.SendAsync(Callback(DateTimeOffset.UtcNow.AddSeconds(3)), new { type = 4 }, CancellationToken.None).WaitAsync(Regression));

        // SendAsync has returned: nothing is left to send it again.
        Assert.Contains("could no longer be answered", error.Message, StringComparison.Ordinal);
        Assert.Single(h.Fake.Calls, c => c.Path.StartsWith("interactions/", StringComparison.Ordinal));
        Assert.Single(h.Logger.Entries, e => e.Message.StartsWith("Gave up POST interactions/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_callback_held_back_by_its_bucket_is_given_up_when_its_deadline_comes()
    {
        await using var h = await RestHarness.StartAsync();
        h.Fake.RateLimitNext(1, retryAfterSeconds: 30, method: "POST", pathPrefix: "interactions/");
        using var stopFirst = new CancellationTokenSource();
        var first = h.Client.SendAsync(
            new DiscordRoute(HttpMethod.Post, "interactions/{interaction_id}/{interaction_token}/callback", "1", "tok1") { NotAfter = DateTimeOffset.UtcNow.AddHours(1) },
            new { type = 4 }, stopFirst.Token);
        await h.Fake.WaitForAsync(c => c.Status == 429, TimeSpan.FromSeconds(10));
        var started = DateTimeOffset.UtcNow;

        // The bucket is blocked for 30 s by the first callback's 429; the second may wait only until its own deadline.
        var second = new DiscordRoute(HttpMethod.Post, "interactions/{interaction_id}/{interaction_token}/callback", "2", "tok2") { NotAfter = started.AddSeconds(1) };
        await Assert.ThrowsAsync<DiscordApiException>(() => h.Client.SendAsync(second, new { type = 4 }, CancellationToken.None).WaitAsync(Regression));

        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(10), "it waited for the bucket, not for its deadline");
        Assert.DoesNotContain(h.Fake.Calls, c => c.Path.StartsWith("interactions/2/", StringComparison.Ordinal));
        await stopFirst.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
    }
}
