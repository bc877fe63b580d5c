using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace NetworkingBot.Testing.FakeDiscord;

public sealed partial class FakeDiscordRest
{
    private const string Prefix = "/api/v10/";

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var (raw, files) = await ReadBodyAsync(request, context.RequestAborted);
        var body = ParseJson(raw);
        var fullPath = request.Path.Value ?? "";
        var path = fullPath.StartsWith(Prefix, StringComparison.Ordinal) ? fullPath[Prefix.Length..] : fullPath;
        var authorization = request.Headers.Authorization.ToString();
        await LegAsync(context.RequestAborted);

        FakeDiscordRestAnswer answer;
        lock (_gate)
        {
            answer = !fullPath.StartsWith(Prefix, StringComparison.Ordinal) ? FakeDiscordRestAnswer.Error(404, 0, "404: Not Found")
                : AttachmentProblem(body, files) is { } problem ? FakeDiscordRestAnswer.Error(400, 50035, "Invalid Form Body: " + problem)
                : Decide(request.Method, path, body, authorization);
        }

        Record(new FakeDiscordRestCall(request.Method, path, raw, body, answer.Status, authorization, request.Headers.UserAgent.ToString(), _time.GetUtcNow()) { Files = files });
        await LegAsync(context.RequestAborted);
        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (answer.Body is not null)
        {
            context.Response.ContentType = answer.ContentType;
            await context.Response.WriteAsync(answer.Body, context.RequestAborted);
        }
    }

    // Called under _gate: faults first (in the order a real Discord would apply them), then the bucket, then the route.
    private FakeDiscordRestAnswer Decide(string method, string path, JsonElement? body, string authorization)
    {
        _requestCount++;
        var tokenOk = authorization.StartsWith("Bot ", StringComparison.Ordinal) && authorization.Length > 4
            && (ExpectedToken is null || authorization == "Bot " + ExpectedToken);
        if (RejectToken || !tokenOk)
        {
            return FakeDiscordRestAnswer.Error(401, 0, "401: Unauthorized");
        }

        var route = FakeDiscordRestRoute.Match(method, path);
        var fault = _faults.FirstOrDefault(f => f.Remaining > 0 && f.Matches(method, path));
        if (fault is not null)
        {
            fault.Remaining--;
            return fault.Status switch
            {
                0 => FakeDiscordRestAnswer.Blocked(),
                429 => FakeDiscordRestAnswer.RateLimited(fault.RetryAfter, fault.Global, route?.Hash),
                _ => FakeDiscordRestAnswer.Error(fault.Status, fault.Code, fault.Message ?? $"{fault.Status}: scripted failure"),
            };
        }

        if (OverGlobalLimit(path) is { } global)
        {
            return global;
        }

        if (_rateLimitEvery > 0 && _requestCount % _rateLimitEvery == 0)
        {
            return FakeDiscordRestAnswer.RateLimited(_rateLimitEveryRetryAfter, global: false, route?.Hash);
        }

        if (route is null)
        {
            return FakeDiscordRestAnswer.Error(404, 0, "404: Not Found");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var isMessages = route.Hash == FakeDiscordRestRoute.ChannelMessages;
        var limit = isMessages ? MessagesPerWindow : OtherRoutesPerWindow;
        var window = isMessages ? MessageWindow : TimeSpan.FromSeconds(1);
        if (!_buckets.TryTake(route.Hash, ReportedHash(route.Hash), route.Major, limit, window, headers))
        {
            var retryAfter = double.Parse(headers["X-RateLimit-Reset-After"], CultureInfo.InvariantCulture);
            return new FakeDiscordRestAnswer(429, FakeDiscordRestAnswer.TooManyBody(retryAfter, global: false), headers);
        }

        var answer = Serve(route, body);
        foreach (var header in headers)
        {
            answer.Headers[header.Key] = header.Value;
        }

        return answer;
    }

    // Called under _gate: the hash this answer reports for the route, advancing a scripted change of buckets.
    private string ReportedHash(string route)
    {
        if (!_bucketHashes.TryGetValue(route, out var hashes) || hashes.Count == 0)
        {
            return route;
        }

        return hashes.Count > 1 ? hashes.Dequeue() : hashes.Peek();
    }

    private static JsonElement? ParseJson(string raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(raw);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
