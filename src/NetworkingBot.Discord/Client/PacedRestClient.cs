using Discord.Net.Rest;

namespace NetworkingBot.Discord.Client;

/// <summary>
/// Discord.Net's HTTP client with every request but interaction callbacks paced by one <see cref="GlobalPacer"/> per
/// process, so the messenger, the registrar, look-ups and the socket client's own calls share the bot's global limit.
/// It sits under Discord.Net's per-route buckets: a request it retries after a 429 is paced again.
/// </summary>
internal sealed class PacedRestClient(IRestClient inner, GlobalPacer pacer) : IRestClient
{
    public void SetHeader(string key, string value) => inner.SetHeader(key, value);

    public void SetCancelToken(CancellationToken cancelToken) => inner.SetCancelToken(cancelToken);

    public async Task<RestResponse> SendAsync(string method, string endpoint, CancellationToken cancelToken, bool headerOnly = false, string? reason = null,
        IEnumerable<KeyValuePair<string, IEnumerable<string>>>? requestHeaders = null)
    {
        await PaceAsync(endpoint, cancelToken).ConfigureAwait(false);
        return await inner.SendAsync(method, endpoint, cancelToken, headerOnly, reason, requestHeaders).ConfigureAwait(false);
    }

    public async Task<RestResponse> SendAsync(string method, string endpoint, string json, CancellationToken cancelToken, bool headerOnly = false, string? reason = null,
        IEnumerable<KeyValuePair<string, IEnumerable<string>>>? requestHeaders = null)
    {
        await PaceAsync(endpoint, cancelToken).ConfigureAwait(false);
        return await inner.SendAsync(method, endpoint, json, cancelToken, headerOnly, reason, requestHeaders).ConfigureAwait(false);
    }

    public async Task<RestResponse> SendAsync(string method, string endpoint, IReadOnlyDictionary<string, object> multipartParams, CancellationToken cancelToken,
        bool headerOnly = false, string? reason = null, IEnumerable<KeyValuePair<string, IEnumerable<string>>>? requestHeaders = null)
    {
        await PaceAsync(endpoint, cancelToken).ConfigureAwait(false);
        return await inner.SendAsync(method, endpoint, multipartParams, cancelToken, headerOnly, reason, requestHeaders).ConfigureAwait(false);
    }

    public void Dispose() => inner.Dispose();

    private Task PaceAsync(string endpoint, CancellationToken cancelToken) =>
        IsInteractionCallback(endpoint) ? Task.CompletedTask : pacer.WaitAsync(cancelToken);

    /// <summary>
    /// <c>interactions/{id}/{token}/callback</c> (with or without a query): Discord exempts it from the global limit,
    /// and it has 3 s to arrive.
    /// </summary>
    internal static bool IsInteractionCallback(string endpoint)
    {
        var path = endpoint.AsSpan();
        var query = path.IndexOf('?');
        if (query >= 0)
        {
            path = path[..query];
        }

        return path.StartsWith("interactions/", StringComparison.Ordinal) && path.EndsWith("/callback", StringComparison.Ordinal);
    }
}
