using System.Data;
using Dapper;
using NetworkingBot.Core.CoffeeChats;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>Reads rounds with their groups and writes a round's groups; shared by the round store's operations.</summary>
internal static class RoundReader
{
    /// <summary>Runs a rounds query (built on <see cref="RoundRow.Select"/>) and attaches each round's groups in index order.</summary>
    public static async Task<IReadOnlyList<Round>> QueryAsync(
        IDbConnection connection, string sql, object? parameters, CancellationToken cancellationToken, IDbTransaction? transaction = null)
    {
        var rows = (await connection.QueryAsync<RoundRow>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var groups = await connection.QueryAsync<GroupRow>(new CommandDefinition(
            """
            SELECT round_id AS RoundId, group_index AS GroupIndex, members AS Members, why AS Why
            FROM round_groups WHERE round_id IN @ids ORDER BY round_id, group_index;
            """,
            new { ids = rows.Select(r => r.RoundId).ToArray() },
            transaction,
            cancellationToken: cancellationToken));
        var byRound = groups.ToLookup(g => g.RoundId, StringComparer.Ordinal);
        return rows.Select(r => r.ToRound(byRound[r.RoundId].Select(g => g.ToGroup()).ToList())).ToList();
    }

    public static Task InsertGroupsAsync(IDbConnection connection, Round round, IDbTransaction transaction, CancellationToken cancellationToken) =>
        round.Groups.Count == 0
            ? Task.CompletedTask
            : connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO round_groups (round_id, group_index, members, why) VALUES (@RoundId, @GroupIndex, @Members, @Why);",
                round.Groups.Select(g => GroupRow.From(round.RoundId, g)).ToArray(),
                transaction,
                cancellationToken: cancellationToken));
}
