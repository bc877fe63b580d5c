using Dapper;
using NetworkingBot.Core.Network;
using static NetworkingBot.Storage.Sqlite.SqliteValues;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>
/// <see cref="INetworkStore"/> in the same SQLite file as the other stores (its own tables, migration 0007). A page
/// of a log is read with LIMIT/OFFSET from the (owner, last spoke) index; due nudges from the due-time index.
/// </summary>
internal sealed partial class SqliteNetworkStore(SqliteSession session) : INetworkStore
{
    // instr over lower() matches a search literally (no LIKE wildcards to escape); lower() folds ASCII only, which
    // is what member ids and the program's own "how" texts are made of.
    private const string SearchFilter = "(@search IS NULL OR instr(lower(other_id), lower(@search)) > 0 OR instr(lower(how), lower(@search)) > 0)";

    public SqliteNetworkStore(SqliteStore store)
        : this(store.Session)
    {
    }

    public async Task<NetworkContact> RecordMeetingAsync(NetworkContact meeting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return await session.WriteAsync(async (connection, transaction, ct) =>
        {
            // One statement, so two check-in answers recorded at once cannot lose either's last spoke.
            var row = await connection.QuerySingleAsync<NetworkContactRow>(new CommandDefinition(
                $"""
                INSERT INTO network_contacts (community_id, owner_id, other_id, how, first_met, last_spoke, reminders_on, planned, former_member)
                VALUES (@CommunityId, @OwnerId, @OtherId, @How, @FirstMet, @LastSpoke, @RemindersOn, @Planned, @FormerMember)
                ON CONFLICT (community_id, owner_id, other_id) DO UPDATE SET
                    last_spoke = CASE WHEN excluded.planned = 0 AND excluded.last_spoke > network_contacts.last_spoke
                                      THEN excluded.last_spoke ELSE network_contacts.last_spoke END,
                    planned = network_contacts.planned AND excluded.planned
                RETURNING {NetworkContactRow.Columns};
                """,
                NetworkContactRow.From(meeting), transaction, cancellationToken: ct));
            return row.ToContact();
        }, cancellationToken);
    }

    public async Task<NetworkContact?> GetContactAsync(string communityId, string ownerId, string otherId, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<NetworkContactRow>(new CommandDefinition(
            $"SELECT {NetworkContactRow.Columns} FROM network_contacts WHERE community_id = @communityId AND owner_id = @ownerId AND other_id = @otherId;",
            new { communityId, ownerId, otherId }, cancellationToken: cancellationToken));
        return row?.ToContact();
    }

    public async Task<ContactPage> ListContactsAsync(string communityId, string ownerId, string? search, int skip, int take, CancellationToken cancellationToken = default)
    {
        search = string.IsNullOrEmpty(search) ? null : search;
        await using var connection = await session.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<NetworkContactRow>(new CommandDefinition(
            $"""
            SELECT {NetworkContactRow.Columns} FROM network_contacts
            WHERE community_id = @communityId AND owner_id = @ownerId AND {SearchFilter}
            ORDER BY last_spoke DESC, other_id LIMIT @take OFFSET @skip;
            """,
            new { communityId, ownerId, search, skip, take }, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT COUNT(*) FROM network_contacts WHERE community_id = @communityId AND owner_id = @ownerId AND {SearchFilter};",
            new { communityId, ownerId, search }, cancellationToken: cancellationToken));
        return new ContactPage(rows.Select(r => r.ToContact()).ToList(), total);
    }

    public async Task<bool> SetLastSpokeAsync(string communityId, string ownerId, string otherId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        return await session.WriteAsync(async (connection, transaction, ct) =>
        {
            return await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE network_contacts SET last_spoke = @at, planned = 0
                WHERE community_id = @communityId AND owner_id = @ownerId AND other_id = @otherId;
                """,
                new { communityId, ownerId, otherId, at = Instant(at) }, transaction, cancellationToken: ct)) == 1;
        }, cancellationToken);
    }

    public async Task<bool> SetRemindersAsync(string communityId, string ownerId, string otherId, bool on, CancellationToken cancellationToken = default)
    {
        return await session.WriteAsync(async (connection, transaction, ct) =>
        {
            return await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE network_contacts SET reminders_on = @on
                WHERE community_id = @communityId AND owner_id = @ownerId AND other_id = @otherId;
                """,
                new { communityId, ownerId, otherId, on }, transaction, cancellationToken: ct)) == 1;
        }, cancellationToken);
    }

    public async Task<bool> RemoveContactAsync(string communityId, string ownerId, string otherId, CancellationToken cancellationToken = default)
    {
        return await session.WriteAsync(async (connection, transaction, ct) =>
        {
            var args = new { communityId, ownerId, otherId };
            const string Where = "WHERE community_id = @communityId AND owner_id = @ownerId AND other_id = @otherId";
            await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM network_notes {Where};", args, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM network_nudges {Where};", args, transaction, cancellationToken: ct));
            var removed = await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM network_contacts {Where};", args, transaction, cancellationToken: ct));
            return removed == 1;
        }, cancellationToken);
    }

    public async Task AddNoteAsync(NetworkNote note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(note);
        await session.WriteAsync(async (connection, transaction, ct) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO network_notes (community_id, owner_id, other_id, at, text) VALUES (@CommunityId, @OwnerId, @OtherId, @At, @Text);",
                new { note.CommunityId, note.OwnerId, note.OtherId, At = Instant(note.At), note.Text }, transaction, cancellationToken: ct));
        }, cancellationToken);
    }

    public Task<IReadOnlyList<NetworkNote>> ListNotesAsync(string communityId, string ownerId, string otherId, CancellationToken cancellationToken = default) =>
        NotesAsync("AND other_id = @otherId", new { communityId, ownerId, otherId }, cancellationToken);

    public Task<IReadOnlyList<NetworkNote>> ListAllNotesAsync(string communityId, string ownerId, CancellationToken cancellationToken = default) =>
        NotesAsync("", new { communityId, ownerId }, cancellationToken);

    public async Task<NetworkSettings> GetSettingsAsync(string communityId, string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(bool NudgesOn, bool IntrosOn)?>(new CommandDefinition(
            "SELECT nudges_on, intros_on FROM network_settings WHERE community_id = @communityId AND user_id = @userId;",
            new { communityId, userId }, cancellationToken: cancellationToken));
        return row is { } r ? new NetworkSettings(communityId, userId, r.NudgesOn, r.IntrosOn) : NetworkSettings.Default(communityId, userId);
    }

    public async Task SaveSettingsAsync(NetworkSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await session.WriteAsync(async (connection, transaction, ct) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO network_settings (community_id, user_id, nudges_on, intros_on) VALUES (@CommunityId, @UserId, @NudgesOn, @IntrosOn)
                ON CONFLICT (community_id, user_id) DO UPDATE SET nudges_on = excluded.nudges_on, intros_on = excluded.intros_on;
                """,
                settings, transaction, cancellationToken: ct));
        }, cancellationToken);
    }

    private async Task<IReadOnlyList<NetworkNote>> NotesAsync(string filter, object args, CancellationToken cancellationToken)
    {
        await using var connection = await session.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<NetworkNoteRow>(new CommandDefinition(
            $"""
            SELECT {NetworkNoteRow.Columns} FROM network_notes
            WHERE community_id = @communityId AND owner_id = @ownerId {filter} ORDER BY other_id, at, id;
            """,
            args, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToNote()).ToList();
    }
}
