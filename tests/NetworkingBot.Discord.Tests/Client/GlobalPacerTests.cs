using Discord.Net.Rest;
using Microsoft.Extensions.Time.Testing;
using NetworkingBot.Discord.Client;

namespace NetworkingBot.Discord.Tests.Client;

/// <summary>
/// Discord's global limit under Discord.Net: requests spaced evenly (48 a second by default), interaction callbacks
/// exempt, on fake time.
/// </summary>
public sealed class GlobalPacerTests
{
    [Fact]
    public async Task Concurrent_requests_each_wait_for_their_slot_one_spacing_after_the_one_before_and_the_first_goes_at_once()
    {
        var time = new FakeTimeProvider();
        using var pacer = new GlobalPacer(time, 48);
        var start = time.GetUtcNow();
        var done = new List<DateTimeOffset>();
        var waits = Enumerable.Range(0, 10).Select(async _ =>
        {
            await pacer.WaitAsync(CancellationToken.None);
            lock (done)
            {
                done.Add(time.GetUtcNow());
            }
        }).ToList();

        await DriveAsync(time, Task.WhenAll(waits));

        // The k-th request never goes before its slot, start + k spacings: so no second holds more than 48 (+1 for a
        // waiter that woke late and kept the schedule).
        Assert.Equal(TimeSpan.FromSeconds(1.0 / 48), pacer.Spacing);
        var ordered = done.Order().ToList();
        Assert.Equal(start, ordered[0]);
        Assert.All(ordered.Select((at, k) => (at, k)), x => Assert.True(x.at - start >= x.k * pacer.Spacing, $"request {x.k} went at {(x.at - start).TotalMilliseconds} ms"));
    }

    [Fact]
    public async Task After_an_idle_spell_the_next_request_goes_at_once()
    {
        var time = new FakeTimeProvider();
        using var pacer = new GlobalPacer(time, 48);
        await pacer.WaitAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(pacer.WaitAsync(CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_request_cancelled_while_it_waits_gives_up_and_the_next_one_still_gets_its_slot()
    {
        var time = new FakeTimeProvider();
        using var pacer = new GlobalPacer(time, 10);
        await pacer.WaitAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = pacer.WaitAsync(cancel.Token);
        var next = pacer.WaitAsync(CancellationToken.None);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await DriveAsync(time, next);

        Assert.True(next.IsCompletedSuccessfully);
    }

    [Theory]
    [InlineData("interactions/123/tok/callback", true)]
    [InlineData("interactions/123/tok/callback?with_response=false", true)]
    [InlineData("webhooks/1/tok/messages/@original", true)]
    [InlineData("webhooks/1/tok", true)]
    [InlineData("channels/5/messages", false)]
    [InlineData("users/@me/channels", false)]
    public void Only_interaction_endpoints_skip_the_pace(string endpoint, bool exempt) =>
        Assert.Equal(exempt, PacedRestClient.IsInteractionEndpoint(endpoint));

    [Fact]
    public async Task The_paced_client_holds_a_request_for_its_slot_but_lets_a_callback_through_at_once()
    {
        var time = new FakeTimeProvider();
        using var pacer = new GlobalPacer(time, 48);
        var inner = new CountingRestClient();
        using var paced = new PacedRestClient(inner, pacer);

        await paced.SendAsync("POST", "channels/5/messages", "{}", CancellationToken.None);
        var second = paced.SendAsync("POST", "channels/5/messages", "{}", CancellationToken.None);
        var callback = paced.SendAsync("POST", "interactions/1/tok/callback", "{}", CancellationToken.None);

        Assert.True(callback.IsCompletedSuccessfully);
        Assert.False(second.IsCompleted); // fake time has not moved, so its slot cannot have come
        Assert.Equal(["channels/5/messages", "interactions/1/tok/callback"], inner.Endpoints);
        await DriveAsync(time, second);
        Assert.Equal(3, inner.Endpoints.Count);
    }

    /// <summary>Moves fake time a millisecond at a time until <paramref name="until"/> completes (at most a minute of it).</summary>
    private static async Task DriveAsync(FakeTimeProvider time, Task until)
    {
        for (var step = 0; step < 60_000 && !until.IsCompleted; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Yield();
        }

        await until.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed class CountingRestClient : IRestClient
    {
        private readonly List<string> _endpoints = [];

        public IReadOnlyList<string> Endpoints
        {
            get
            {
                lock (_endpoints)
                {
                    return [.. _endpoints];
                }
            }
        }

        public void SetHeader(string key, string value)
        {
        }

        public void SetCancelToken(CancellationToken cancelToken)
        {
        }

        public Task<RestResponse> SendAsync(string method, string endpoint, CancellationToken cancelToken, bool headerOnly = false, string? reason = null,
            IEnumerable<KeyValuePair<string, IEnumerable<string>>>? requestHeaders = null) => Answer(endpoint);

        public Task<RestResponse> SendAsync(string method, string endpoint, string json, CancellationToken cancelToken, bool headerOnly = false, string? reason = null,
            IEnumerable<KeyValuePair<string, IEnumerable<string>>>? requestHeaders = null) => Answer(endpoint);

        public Task<RestResponse> SendAsync(string method, string endpoint, IReadOnlyDictionary<string, object> multipartParams, CancellationToken cancelToken,
            bool headerOnly = false, string? reason = null, IEnumerable<KeyValuePair<string, IEnumerable<string>>>? requestHeaders = null) => Answer(endpoint);

        public void Dispose()
        {
        }

        private Task<RestResponse> Answer(string endpoint)
        {
            lock (_endpoints)
            {
                _endpoints.Add(endpoint);
            }

            return Task.FromResult(new RestResponse(System.Net.HttpStatusCode.NoContent, new Dictionary<string, string>(), null));
        }
    }
}
