using Dapper;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Storage.Sqlite;

/// <summary><see cref="IDmChannelStore"/> in the same SQLite file (table <c>dm_channels</c>, migration 0009); each call is one statement.</summary>
internal sealed class SqliteDmChannelStore(SqliteSession session) : IDmChannelStore
{
    public SqliteDmChannelStore(SqliteStore store)
        : this(store.Session)
    {
    }

    public async Task<string?> FindAsync(CommunityId community, string members, CancellationToken cancellationToken = default)
    {
        IDmChannelStore.Check(members);
        await using var connection = await session.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT channel_id FROM dm_channels WHERE community_id = @community AND members = @members;",
            new { community = community.Key, members }, cancellationToken: cancellationToken));
    }

    public async Task SaveAsync(CommunityId community, string members, string channelId, CancellationToken cancellationToken = default)
    {
        IDmChannelStore.Check(members, channelId);
        await session.WriteAsync(async (connection, transaction, ct) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO dm_channels (community_id, members, channel_id) VALUES (@community, @members, @channelId)
                ON CONFLICT (community_id, members) DO UPDATE SET channel_id = excluded.channel_id;
                """,
                new { community = community.Key, members, channelId }, transaction, cancellationToken: ct));
        }, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> ListForMemberAsync(CommunityId community, string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Members, string ChannelId)>(new CommandDefinition(
            $"SELECT members, channel_id FROM dm_channels WHERE community_id = @community AND {HasMember};",
            new { community = community.Key, userId }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Members, r => r.ChannelId, StringComparer.Ordinal);
    }

    public async Task<int> ForgetMemberAsync(CommunityId community, string userId, CancellationToken cancellationToken = default)
    {
        return await session.WriteAsync(async (connection, transaction, ct) =>
        {
            return await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM dm_channels WHERE community_id = @community AND {HasMember};",
                new { community = community.Key, userId }, transaction, cancellationToken: ct));
        }, cancellationToken);
    }

    // A whole member of the comma-joined key, never part of another id; instr, not LIKE, so "_" and "%" in ids are literal.
    private const string HasMember = "instr(',' || members || ',', ',' || @userId || ',') > 0";

    public async Task ForgetAsync(CommunityId community, string members, CancellationToken cancellationToken = default)
    {
        IDmChannelStore.Check(members);
        await session.WriteAsync(async (connection, transaction, ct) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM dm_channels WHERE community_id = @community AND members = @members;",
                new { community = community.Key, members }, transaction, cancellationToken: ct));
        }, cancellationToken);
    }
}
