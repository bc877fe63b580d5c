using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace NetworkingBot.Testing.FakeSlack;

public sealed partial class FakeSlackServer
{
    private readonly ConcurrentQueue<SlackApiCall> _calls = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<(int Status, JsonObject Body, int RetryAfter)>> _scripted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>[]> _channelMembers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _conversations = new(StringComparer.Ordinal);
    private readonly HashSet<(string Channel, string Ts)> _messages = [];
    private long _ts;

    /// <summary>Every Web API call received, including the ones answered with a 429 or an error.</summary>
    public IReadOnlyList<SlackApiCall> Calls => _calls.ToList();

    public IReadOnlyList<SlackApiCall> CallsOf(string method) => Calls.Where(c => c.Method == method).ToList();

    /// <summary>chat.postMessage calls Slack accepted for <paramref name="channel"/>.</summary>
    public IReadOnlyList<SlackApiCall> PostsTo(string channel) =>
        CallsOf("chat.postMessage").Where(c => c.Status == 200 && c.Arg("channel") == channel).ToList();

    /// <summary>chat.update calls Slack accepted (<c>ok:true</c>) for <paramref name="channel"/>.</summary>
    public IReadOnlyList<SlackApiCall> UpdatesIn(string channel) =>
        CallsOf("chat.update").Where(c => c.Ok && c.Arg("channel") == channel).ToList();

    /// <summary>Removes a posted message as a member or admin would: chat.update on it then answers message_not_found.</summary>
    public void DeleteMessage(string channel, string ts)
    {
        lock (_gate)
        {
            _messages.Remove((channel, ts));
        }
    }

    /// <summary>Answers the next <paramref name="count"/> calls of <paramref name="method"/> with 429 and Retry-After.</summary>
    public void RateLimitNext(string method, int count, int retryAfterSeconds = 1)
    {
        for (var i = 0; i < count; i++)
        {
            Script(method, 429, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" }, retryAfterSeconds);
        }
    }

    /// <summary>Answers the next call of <paramref name="method"/> with <c>{ok:false, error}</c> (and needed/provided when given).</summary>
    public void FailNext(string method, string error, string? needed = null, string? provided = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error"] = error };
        if (needed is not null)
        {
            body["needed"] = needed;
            body["provided"] = provided;
        }

        Script(method, 200, body, 0);
    }

    /// <summary>Answers the next call of <paramref name="method"/> with exactly <paramref name="json"/> (a fixture body, say).</summary>
    public void RespondNext(string method, string json, int status = 200) =>
        Script(method, status, JsonNode.Parse(json)!.AsObject(), 1);

    /// <summary>A workspace user for users.info, shaped like the users.info fixture.</summary>
    public void AddUser(string id, bool isAdmin = false, bool isOwner = false, string timeZone = "America/Los_Angeles", string? name = null, bool isBot = false)
    {
        lock (_gate)
        {
            _users[id] = new JsonObject
            {
                ["id"] = id, ["team_id"] = "T111", ["name"] = name ?? id.ToLowerInvariant(), ["deleted"] = false,
                ["real_name"] = name ?? id, ["tz"] = timeZone, ["tz_label"] = timeZone, ["tz_offset"] = 0,
                ["is_admin"] = isAdmin, ["is_owner"] = isOwner, ["is_primary_owner"] = false, ["is_bot"] = isBot,
                ["profile"] = new JsonObject { ["display_name"] = name ?? id.ToLowerInvariant(), ["real_name"] = name ?? id },
            };
        }
    }

    /// <summary>conversations.members for <paramref name="channel"/>, one page per array, linked by opaque cursors.</summary>
    public void SetChannelMembers(string channel, params IReadOnlyList<string>[] pages)
    {
        lock (_gate)
        {
            _channelMembers[channel] = pages;
        }
    }

    /// <summary>The users a conversations.open call opened <paramref name="conversationId"/> for.</summary>
    public IReadOnlyList<string> MembersOf(string conversationId)
    {
        lock (_gate)
        {
            return _conversations.FirstOrDefault(p => p.Value == conversationId).Key?.Split(',') ?? [];
        }
    }

    private void Script(string method, int status, JsonObject body, int retryAfter)
    {
        lock (_gate)
        {
            if (!_scripted.TryGetValue(method, out var queue))
            {
                _scripted[method] = queue = new();
            }

            queue.Enqueue((status, body, retryAfter));
        }
    }

    /// <summary>
    /// Added to every Web API answer, half before the call is recorded and half after (the two legs of a trip), on real
    /// time, for delivery benchmarks; zero (no delay) unless set.
    /// </summary>
    public TimeSpan Latency { get; set; }

    private Task LegAsync() => Latency > TimeSpan.Zero ? Task.Delay(Latency / 2) : Task.CompletedTask;

    private async Task HandleApiAsync(HttpContext context, string method)
    {
        await LegAsync().ConfigureAwait(false);
        var args = await ReadArgsAsync(context.Request).ConfigureAwait(false);
        var auth = context.Request.Headers.Authorization.ToString();
        var token = auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..] : null;
        int status;
        JsonObject body;
        (int Status, JsonObject Body, int RetryAfter)? scripted = null;
        lock (_gate)
        {
            if (_scripted.TryGetValue(method, out var queue) && queue.Count > 0)
            {
                scripted = queue.Dequeue();
            }
        }

        if (scripted is { } s)
        {
            (status, body) = (s.Status, s.Body);
            if (s.Status == 429)
            {
                context.Response.Headers.RetryAfter = s.RetryAfter.ToString(CultureInfo.InvariantCulture);
            }
        }
        else
        {
            (status, body) = (200, Answer(method, token, args));
        }

        var call = new SlackApiCall(method, token, context.Request.ContentType ?? "", args, _clock.GetUtcNow(), status)
        {
            // Scripted bodies may be deliberately malformed ("ok":"yes"): only a JSON true counts.
            Ok = body["ok"] is JsonValue ok && ok.TryGetValue<bool>(out var isOk) && isOk,
        };
        _calls.Enqueue(call);
        if (TakeHold(call))
        {
            await HoldAsync(call, context).ConfigureAwait(false);
            return;
        }

        if (!await PassGateAsync(call, context.RequestAborted).ConfigureAwait(false))
        {
            return;
        }

        await LegAsync().ConfigureAwait(false);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString()).ConfigureAwait(false);
    }

    private static async Task<Dictionary<string, string>> ReadArgsAsync(HttpRequest request)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            args[key] = value.ToString();
        }

        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync().ConfigureAwait(false))
            {
                args[key] = value.ToString();
            }
        }
        else if (request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true)
        {
            var json = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body).ConfigureAwait(false);
            foreach (var property in json.EnumerateObject())
            {
                args[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        return args;
    }
}
