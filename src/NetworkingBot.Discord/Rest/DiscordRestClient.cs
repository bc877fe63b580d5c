using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NetworkingBot.Discord.Rest;

/// <summary>
/// <see cref="IDiscordRest"/> over <see cref="HttpClient"/>: signs each request with the bot token, waits for
/// the rate limiter, retries 429s (after the wait Discord asks for) and transient failures, and turns error
/// bodies into <see cref="DiscordApiException"/>. Register it as a singleton or typed client: the rate-limit
/// state it holds must be shared by every caller in the process.
/// </summary>
public sealed partial class DiscordRestClient : IDiscordRest
{
    public const string UserAgent = "DiscordBot (https://github.com/networkingbot, 1.0)";

    private readonly HttpClient _http;
    private readonly DiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly DiscordRestLimits _limits;
    private readonly Uri _baseUrl;
    private int _tokenRejectedLogged;

    public DiscordRestClient(
        HttpClient http,
        IOptions<DiscordOptions> options,
        TimeProvider time,
        ILogger<DiscordRestClient> logger,
        DiscordRestLimits? limits = null)
    {
        _http = http;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _limits = limits ?? new DiscordRestLimits();
        var baseText = _options.ApiBaseUrl.ToString();
        _baseUrl = new Uri(baseText.EndsWith('/') ? baseText : baseText + "/");
        Limiter = new RateLimiter(time, _limits);
        Guard = new InvalidRequestGuard(time, _limits, logger);
    }

    internal RateLimiter Limiter { get; }

    internal InvalidRequestGuard Guard { get; }

    public Task<JsonElement?> SendAsync(DiscordRoute route, object? body, CancellationToken cancellationToken) =>
        SendAsync(route, body, [], cancellationToken);

    public async Task<JsonElement?> SendAsync(DiscordRoute route, object? body, IReadOnlyList<DiscordFileUpload> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (string.IsNullOrWhiteSpace(_options.Token))
        {
            throw new InvalidOperationException("Discord:Token is not set; set the Discord__Token environment variable (the bot token from the Developer Portal, Bot tab).");
        }

        // Serialized once, so every retry sends exactly the same bytes (and the same nonce).
        var payload = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), DiscordJson.Options);
        if (route.NotAfter is null)
        {
            return await SendUntilDoneAsync(route, payload, files, cancellationToken);
        }

        // Past its deadline the request is refused by Discord anyway: no wait or retry may run beyond it.
        var left = route.NotAfter.Value - _time.GetUtcNow();
        using var deadline = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await SendUntilDoneAsync(route, payload, files, linked.Token);
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw TooLate(route, ex);
        }
    }

    private async Task<JsonElement?> SendUntilDoneAsync(DiscordRoute route, byte[]? payload, IReadOnlyList<DiscordFileUpload> files, CancellationToken cancellationToken)
    {
        var transientFailures = 0;
        while (true)
        {
            await Guard.WaitAsync(cancellationToken);
            var lease = await Limiter.AcquireAsync(route, cancellationToken);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(BuildRequest(route, payload, files), cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                Limiter.Complete(lease, null, success: false);
                await BackOffOrThrowAsync(route, ++transientFailures, ex.Message, ex, cancellationToken);
                continue;
            }
            catch
            {
                Limiter.Complete(lease, null, success: false);
                throw;
            }

            using (response)
            {
                var outcome = await ReadAsync(route, lease, response, cancellationToken);
                if (outcome.Retry)
                {
                    if (route.NotAfter is { } notAfter && _time.GetUtcNow() + outcome.RetryAfter >= notAfter)
                    {
                        // Honour the 429 (no retry before retry_after), but one that ends past the deadline is the end.
                        throw TooLate(route, null);
                    }

                    continue;
                }

                if (outcome.Transient)
                {
                    await BackOffOrThrowAsync(route, ++transientFailures, $"HTTP {outcome.Status}", outcome.Error, cancellationToken);
                    continue;
                }

                if (outcome.Error is not null)
                {
                    throw outcome.Error;
                }

                return outcome.Body;
            }
        }
    }

    private HttpRequestMessage BuildRequest(DiscordRoute route, byte[]? payload, IReadOnlyList<DiscordFileUpload> files)
    {
        var request = new HttpRequestMessage(route.Method, new Uri(_baseUrl, route.Path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Token);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (files.Count > 0)
        {
            // Built afresh for each attempt (content is consumed by sending), from the same bytes every time.
            var form = new MultipartFormDataContent();
            var json = new ByteArrayContent(payload ?? "{}"u8.ToArray());
            json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            form.Add(json, "payload_json");
            for (var i = 0; i < files.Count; i++)
            {
                var part = new ReadOnlyMemoryContent(files[i].Content);
                part.Headers.ContentType = MediaTypeHeaderValue.TryParse(files[i].ContentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
                form.Add(part, $"files[{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}]", files[i].FileName);
            }

            request.Content = form;
        }
        else if (payload is not null)
        {
            request.Content = new ByteArrayContent(payload);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return request;
    }

    private DiscordApiException TooLate(DiscordRoute route, Exception? inner)
    {
        LogTooLate(route.ToString(), route.NotAfter!.Value);
        return new DiscordApiException($"Discord {route} could not be sent before {route.NotAfter:O}, when the interaction could no longer be answered", inner ?? new TimeoutException());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up {Route}: rate limits or retries would take it past {NotAfter:O}, after which Discord no longer accepts it")]
    private partial void LogTooLate(string route, DateTimeOffset notAfter);

    private async Task BackOffOrThrowAsync(DiscordRoute route, int failures, string reason, Exception? error, CancellationToken cancellationToken)
    {
        if (failures >= _limits.TransientAttempts)
        {
            throw error ?? new DiscordApiException(0, 0, reason);
        }

        var delay = _limits.TransientBackoff * Math.Pow(2, failures - 1);
        _logger.LogWarning("Discord {Route} failed ({Reason}); attempt {Attempt} of {Attempts}, retrying in {Delay}", route, reason, failures, _limits.TransientAttempts, delay);
        await Task.Delay(delay, _time, cancellationToken);
    }
}
