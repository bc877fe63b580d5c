using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NetworkingBot.Testing.FakeDiscord;

/// <summary>
/// A loopback Discord REST server (Kestrel on 127.0.0.1, a free port) for tests: the routes the bot uses under
/// /api/v10/ (message edits included, recorded in <see cref="Edits"/>), real rate-limit headers (each channel's messages are limited to <see cref="MessagesPerWindow"/>
/// per <see cref="MessageWindow"/>, as Discord does), and scriptable faults. Every request is recorded.
/// Point <c>DiscordOptions.ApiBaseUrl</c> at <see cref="ApiBaseUrl"/>.
/// </summary>
public sealed partial class FakeDiscordRest : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<FakeDiscordRestCall> _calls = [];
    private readonly List<FakeDiscordRestMessage> _messages = [];
    private readonly List<FakeDiscordRestEdit> _edits = [];
    private readonly HashSet<string> _deletedMessages = new(StringComparer.Ordinal);
    private readonly List<FakeDiscordRestFault> _faults = [];
    private readonly Dictionary<string, Queue<string>> _bucketHashes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _closedDmUsers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _dmChannelByUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _userByDmChannel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeDiscordRestMessage> _byNonce = new(StringComparer.Ordinal);
    private readonly FakeDiscordRestBuckets _buckets;
    private readonly TimeProvider _time;
    private WebApplication _app;
    private TaskCompletionSource _recorded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextId = 900_000_000_000_000_000;
    private int _requestCount;
    private int _rateLimitEvery;
    private double _rateLimitEveryRetryAfter;

    private FakeDiscordRest(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
        _buckets = new FakeDiscordRestBuckets(time);
    }

    /// <summary>The REST base address, ending in "/api/v10/".</summary>
    public Uri ApiBaseUrl { get; private set; } = null!;

    /// <summary>What <c>GET gateway/bot</c> returns as "url" (set it to a fake gateway's ws:// address).</summary>
    public string GatewayUrl { get; set; } = "wss://gateway.discord.gg";

    /// <summary>What <c>GET gateway/bot</c> recommends as "shards".</summary>
    public int Shards { get; set; } = 1;

    /// <summary>The application id <c>GET oauth2/applications/@me</c> returns; also the author of the bot's messages.</summary>
    public string ApplicationId { get; set; } = "100000000000000001";

    /// <summary>When set, only "Bot {ExpectedToken}" is accepted; otherwise any "Bot ..." authorization is.</summary>
    public string? ExpectedToken { get; set; }

    /// <summary>When true every request gets 401 Unauthorized, as after the token was reset.</summary>
    public bool RejectToken { get; set; }

    /// <summary>Channel-message bucket size per channel (Discord's is 5 per 5 s; shorter here to keep tests fast).</summary>
    public int MessagesPerWindow { get; set; } = 5;

    public TimeSpan MessageWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Bucket size of every other route (one bucket per route and major parameter).</summary>
    public int OtherRoutesPerWindow { get; set; } = 1000;

    /// <summary>Starts the server on a free loopback port.</summary>
    public static async Task<FakeDiscordRest> StartAsync(TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var fake = new FakeDiscordRest(null!, time ?? TimeProvider.System);
        fake._app = await fake.ServeAsync(0, cancellationToken);
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.ApiBaseUrl = new Uri(address.TrimEnd('/') + "/api/v10/");
        return fake;
    }

    /// <summary>
    /// A restart of the API server: nothing listening for <paramref name="down"/> (connections are refused), then
    /// the same address again. What it stored (messages, DM channels) survives, as Discord's does.
    /// </summary>
    public async Task RestartAsync(TimeSpan down)
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Task.Delay(down);
        _app = await ServeAsync(ApiBaseUrl.Port, CancellationToken.None);
    }

    private async Task<WebApplication> ServeAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add($"http://127.0.0.1:{port}");
        app.Run(HandleAsync);
        await app.StartAsync(cancellationToken);
        return app;
    }

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<FakeDiscordRestCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return _calls.ToList();
            }
        }
    }

    /// <summary>Every message accepted (channel posts, DMs, webhook follow-ups), once each: nonce repeats are not added.</summary>
    public IReadOnlyList<FakeDiscordRestMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return _messages.ToList();
            }
        }
    }

    public IReadOnlyList<FakeDiscordRestMessage> MessagesTo(string userId) => Messages.Where(m => m.RecipientId == userId).ToList();

    /// <summary>Every message edit accepted, in order.</summary>
    public IReadOnlyList<FakeDiscordRestEdit> Edits
    {
        get
        {
            lock (_gate)
            {
                return _edits.ToList();
            }
        }
    }

    /// <summary>A message a member (not the bot) wrote in <paramref name="channelId"/>, with <paramref name="body"/> as its fields.</summary>
    public FakeDiscordRestMessage PostAsMember(string channelId, string memberId, System.Text.Json.Nodes.JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        lock (_gate)
        {
            var element = JsonSerializer.SerializeToElement(body);
            var message = new FakeDiscordRestMessage(NextId(), channelId, null, body["content"]?.GetValue<string>() ?? "", null, element) { AuthorId = memberId };
            _messages.Add(message);
            return message;
        }
    }

    /// <summary>The DM channel the fake opened for <paramref name="userId"/>, if it did.</summary>
    public string? DmChannelOf(string userId)
    {
        lock (_gate)
        {
            return _dmChannelByUser.GetValueOrDefault(userId);
        }
    }

    /// <summary>Removes a message as a moderator would: editing it then gets 404 with code 10008 Unknown Message.</summary>
    public void DeleteMessage(string messageId)
    {
        lock (_gate)
        {
            _deletedMessages.Add(messageId);
        }
    }

    /// <summary>The next <paramref name="count"/> matching requests get a 429 with retry_after (global or per route).</summary>
    public void RateLimitNext(int count, double retryAfterSeconds, bool global = false, string? method = null, string? pathPrefix = null) =>
        AddFault(new FakeDiscordRestFault(method, pathPrefix, 429, retryAfterSeconds, global) { Remaining = count });

    /// <summary>
    /// The bucket hash answers of a route (<c>"create-dm"</c>, <c>"channel-messages"</c>...) report, one per request in
    /// order, staying on the last: Discord may move a route to another bucket at any time, and back.
    /// </summary>
    public void ChangeBucketHashes(string route, params string[] hashes)
    {
        lock (_gate)
        {
            _bucketHashes[route] = new Queue<string>(hashes);
        }
    }

    /// <summary>Every <paramref name="n"/>th request (counting all requests) gets a per-route 429; 0 turns it off.</summary>
    public void RateLimitEvery(int n, double retryAfterSeconds)
    {
        lock (_gate)
        {
            _rateLimitEvery = n;
            _rateLimitEveryRetryAfter = retryAfterSeconds;
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> matching requests are refused as Discord refuses a bad request: <paramref name="status"/>
    /// with error <paramref name="code"/> and <paramref name="message"/> (e.g. 400, 50035, "Invalid Form Body").
    /// </summary>
    public void RefuseNext(int count, int status, int code, string message, string? method = null, string? pathPrefix = null) =>
        AddFault(new FakeDiscordRestFault(method, pathPrefix, status, 0, false) { Remaining = count, Code = code, Message = message });

    /// <summary>The next <paramref name="count"/> matching requests fail with <paramref name="status"/> (502, 503, 500 ...).</summary>
    public void FailNext(int count, int status, string? method = null, string? pathPrefix = null) =>
        AddFault(new FakeDiscordRestFault(method, pathPrefix, status, 0, false) { Remaining = count });

    /// <summary>The next <paramref name="count"/> requests get Cloudflare's IP-block 429: code 0, no headers, no retry_after.</summary>
    public void BlockNext(int count) => AddFault(new FakeDiscordRestFault(null, null, 0, 0, false) { Remaining = count });

    /// <summary>Messages to the DM channel of <paramref name="userId"/> fail with 50007, as when the user closed DMs.</summary>
    public void CloseDirectMessages(string userId)
    {
        lock (_gate)
        {
            _closedDmUsers.Add(userId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void AddFault(FakeDiscordRestFault fault)
    {
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }
}
