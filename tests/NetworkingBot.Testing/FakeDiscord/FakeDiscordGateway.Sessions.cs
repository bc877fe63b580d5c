using System.Text.Json;

namespace NetworkingBot.Testing.FakeDiscord;

/// <summary>The fake's bookkeeping: sessions, connections, recordings and the READY payload.</summary>
public sealed partial class FakeDiscordGateway
{
    /// <summary>The bot user id the fake's READY announces.</summary>
    public const string BotUserId = "1100000000000000001";

    internal FakeDiscordGatewaySession CreateSession(int shardId)
    {
        lock (_sessions)
        {
            var session = new FakeDiscordGatewaySession($"fake-session-{_sessions.Count + 1}", shardId);
            _sessions[session.Id] = session;
            _currentSessionByShard[shardId] = session;
            return session;
        }
    }

    internal FakeDiscordGatewaySession? FindSession(string? sessionId)
    {
        lock (_sessions)
        {
            return sessionId is not null && _sessions.TryGetValue(sessionId, out var session) ? session : null;
        }
    }

    /// <summary>
    /// READY as Discord sends it to a bot: its guilds listed as unavailable (their data follows as GUILD_CREATE),
    /// no private channels, and the resume URL. Discord.Net drops READY without <c>private_channels</c> and then stays
    /// disconnected, only logging "Processing READY failed".
    /// </summary>
    internal string ReadyJson(FakeDiscordGatewaySession session, int shardCount) => JsonSerializer.Serialize(new
    {
        v = 10,
        user = new { id = BotUserId, username = "networkingbot-test", discriminator = "0", avatar = (string?)null, bot = true, verified = true, flags = 0 },
        guilds = GuildsOf(session.ShardId, shardCount).Select(id => new { id, unavailable = true }).ToArray(),
        private_channels = Array.Empty<object>(),
        relationships = Array.Empty<object>(),
        presences = Array.Empty<object>(),
        session_id = session.Id,
        session_type = "normal",
        resume_gateway_url = ResumeUrl.ToString(),
        shard = new[] { session.ShardId, shardCount },
        application = new { id = BotUserId, flags = 0 },
        _trace = new[] { "fake-discord-gateway" },
    });

    /// <summary>One GUILD_CREATE per guild of the shard, available, with its @everyone role and text channel.</summary>
    internal IReadOnlyList<(string EventName, string DataJson)> GuildCreates(FakeDiscordGatewaySession session, int shardCount) =>
        [.. GuildsOf(session.ShardId, shardCount).Select(id => ("GUILD_CREATE", FakeDiscordGuild.CreateJson(id, BotUserId)))];

    /// <summary>The guilds Discord routes to <paramref name="shardId"/>: (guild id &gt;&gt; 22) % shard count.</summary>
    private List<string> GuildsOf(int shardId, int shardCount) =>
        [.. GuildIds.Where(id => (int)((ulong.Parse(id, System.Globalization.CultureInfo.InvariantCulture) >> 22) % (ulong)Math.Max(shardCount, 1)) == shardId)];

    internal void Record(FakeDiscordGatewayConnection connection, int op, JsonElement data, string json) =>
        _received.Add(new FakeDiscordGatewayFrame(connection.Id, connection.ShardId, connection.Path, connection.Query, op, data, json,
            DateTimeOffset.UtcNow));

    internal async Task OnConnectionEndedAsync(FakeDiscordGatewayConnection connection, int? clientCloseCode)
    {
        lock (_connections)
        {
            _connections.Remove(connection);
        }

        if (connection.Session is { } session)
        {
            await session.UnbindAsync(connection).ConfigureAwait(false);
            // Discord ends a session the client closed with 1000 or 1001; it cannot be resumed.
            if (clientCloseCode is 1000 or 1001)
            {
                session.Resumable = false;
            }
        }

        _closed.Add(new FakeDiscordGatewayClosed(connection.Id, connection.ShardId, clientCloseCode));
    }

    private List<FakeDiscordGatewaySession> CurrentSessions(int? shardId)
    {
        lock (_sessions)
        {
            return _currentSessionByShard.Where(p => shardId is null || p.Key == shardId).Select(p => p.Value).ToList();
        }
    }

    private List<FakeDiscordGatewayConnection> OpenConnections(int? shardId)
    {
        lock (_connections)
        {
            return _connections.Where(c => shardId is null || c.ShardId == shardId).ToList();
        }
    }
}
