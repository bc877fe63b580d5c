using Discord.Net.Rest;

namespace NetworkingBot.Discord.Client;

/// <summary>
/// Discord.Net's HTTP client with every request but interaction endpoints (callbacks, follow-ups, edits) paced by one <see cref="GlobalPacer"/> per
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
        IsInteractionEndpoint(endpoint) ? Task.CompletedTask : pacer.WaitAsync(cancelToken);

    /// <summary>
    /// <c>interactions/{id}/{token}/callback</c> and the interaction's follow-up and edit endpoints under
    /// <c>webhooks/{application}/{token}</c> (with or without a query): Discord exempts interaction endpoints from the
    /// global limit, the callback has 3 s to arrive, and a member waits on the edit of a deferred answer, which must not
    /// queue behind a round's DMs. The bot uses no other webhook.
    /// </summary>
    internal static bool IsInteractionEndpoint(string endpoint)
    {
        var path = endpoint.AsSpan();
        var query = path.IndexOf('?');
        if (query >= 0)
        {
            path = path[..query];
        }

        return (path.StartsWith("interactions/", StringComparison.Ordinal) && path.EndsWith("/callback", StringComparison.Ordinal))
            || path.StartsWith("webhooks/", StringComparison.Ordinal);
    }
}
