using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NetworkingBot.Slack.Api;

/// <summary>
/// The Web API over HttpClient: bearer tokens, JSON or form bodies per method, typed errors,
/// tier pacing before each call and patient retries after a 429 so a call is never dropped.
/// </summary>
internal sealed class SlackApiClient(
    SlackHttp http,
    IOptions<SlackOptions> options,
    SlackRateLimiter limiter,
    TimeProvider time,
    ILogger<SlackApiClient> logger) : ISlackApi
{
    private const string ResponseUrlKey = "response_url";
    private const string UploadUrlKey = "upload_url";

    public Task<JsonElement> CallAsync(string method, JsonObject arguments, CancellationToken cancellationToken) =>
        SendAsync(method, arguments, options.Value.BotToken, cancellationToken);

    public async IAsyncEnumerable<JsonElement> PageAsync(
        string method, JsonObject arguments, string itemsProperty, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = "";
        do
        {
            var page = arguments.DeepClone().AsObject();
            page["limit"] ??= 200;
            if (cursor.Length > 0)
            {
                page["cursor"] = cursor;
            }

            var body = await CallAsync(method, page, cancellationToken).ConfigureAwait(false);
            if (body.TryGetProperty(itemsProperty, out var items) && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    yield return item;
                }
            }

            cursor = body.TryGetProperty("response_metadata", out var meta) && meta.TryGetProperty("next_cursor", out var next)
                ? next.GetString() ?? ""
                : "";
        }
        while (cursor.Length > 0);
    }

    public async Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        // The app token must be in the header and the call must be a POST (a body parameter is refused).
        var body = await SendAsync("apps.connections.open", [], options.Value.AppToken, cancellationToken).ConfigureAwait(false);
        return new Uri(body.GetProperty("url").GetString()!);
    }

    public async Task UploadAsync(Uri uploadUrl, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uploadUrl);
        using var body = new ReadOnlyMemoryContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.TryParse(contentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Post, uploadUrl) { Content = body };
        using var response = await http.Client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException(UploadUrlKey, $"http_{(int)response.StatusCode}", null, null);
        }
    }

    public async Task RespondAsync(Uri responseUrl, JsonObject message, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl)
            {
                Content = new StringContent(message.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            using var response = await http.Client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = RetryAfter(response);
                logger.LogWarning("Slack rate-limited a response_url post; retrying in {Seconds} s", wait.TotalSeconds);
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                // An expired response_url (older than 30 minutes or used 5 times) is a fault worth a log, not a crash.
                throw new SlackApiException(ResponseUrlKey, $"http_{(int)response.StatusCode}", null, null);
            }

            return;
        }
    }

    private async Task<JsonElement> SendAsync(string method, JsonObject arguments, string token, CancellationToken cancellationToken)
    {
        var channel = arguments["channel"]?.GetValueKind() == JsonValueKind.String ? arguments["channel"]!.GetValue<string>() : null;
        var attempt = 0;
        while (true)
        {
            await limiter.WaitAsync(method, channel, cancellationToken).ConfigureAwait(false);
            using var request = Build(method, arguments, token);
            using var response = await http.Client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // Never drop the call: wait as long as Slack asks, and hold the method's other calls back too.
                var wait = RetryAfter(response);
                limiter.Throttled(method, channel, wait);
                attempt++;
                logger.LogWarning("Slack rate-limited {Method} (attempt {Attempt}); retrying in {Seconds} s", method, attempt, wait.TotalSeconds);
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            response.EnsureSuccessStatusCode();
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var body = await JsonSerializer.DeserializeAsync<JsonElement>(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                return Check(method, body);
            }
        }
    }

    private JsonElement Check(string method, JsonElement body)
    {
        if (body.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
        {
            if (body.TryGetProperty("warning", out var warning))
            {
                logger.LogDebug("Slack {Method} warned: {Warning}", method, warning.GetString());
            }

            return body;
        }

        var error = new SlackApiException(method, Text(body, "error") ?? "unknown_error", Text(body, "needed"), Text(body, "provided"));
        if (error.Error == "missing_scope")
        {
            logger.LogError("Slack {Method} needs the scope {Needed} (the token has {Provided}): add scope {Needed} in the app config (OAuth & Permissions) and reinstall the app",
                method, error.Needed, error.Provided, error.Needed);
        }

        throw error;
    }

    private HttpRequestMessage Build(string method, JsonObject arguments, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.ApiBaseUrl, method));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (SlackMethods.Of(method).Json)
        {
            request.Content = new StringContent(arguments.ToJsonString(), Encoding.UTF8, "application/json");
        }
        else
        {
            // Form bodies carry nested values (blocks, view) as JSON-encoded strings.
            request.Content = new FormUrlEncodedContent(arguments.Select(p => new KeyValuePair<string, string>(
                p.Key, p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : p.Value?.ToJsonString() ?? "")));
        }

        return request;
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta is { } delta && delta > TimeSpan.Zero ? delta : TimeSpan.FromSeconds(1);

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
