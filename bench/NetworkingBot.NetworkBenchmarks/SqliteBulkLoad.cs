using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NetworkingBot.NetworkBenchmarks;

/// <summary>
/// Fills a SQLite file that the store's own migrations created, so the timed reads meet the real tables and indexes.
/// It inserts directly, not through <c>INetworkStore</c>: one transaction, two prepared statements reused for every
/// row, journal off and no fsync, since 10 million one-row store calls would take far longer than the measurements.
/// Values are written in the store's formats (fixed-width UTC instants, the nudge kind's name).
/// </summary>
public static class SqliteBulkLoad
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static async Task<long> LoadAsync(string path, Population population, Action<long> progress)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await Execute(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;");
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var contact = Prepare(connection, transaction,
            "INSERT INTO network_contacts (community_id, owner_id, other_id, how, first_met, last_spoke, reminders_on, planned, former_member) VALUES ($c, $o, $t, $h, $f, $l, 1, 0, 0);",
            "$c", "$o", "$t", "$h", "$f", "$l");
        var nudge = Prepare(connection, transaction,
            "INSERT INTO network_nudges (community_id, owner_id, other_id, kind, due_at) VALUES ($c, $o, $t, $k, $d);",
            "$c", "$o", "$t", "$k", "$d");
        var note = Prepare(connection, transaction,
            "INSERT INTO network_notes (community_id, owner_id, other_id, at, text) VALUES ($c, $o, $t, $a, $x);",
            "$c", "$o", "$t", "$a", "$x");

        long count = 0;
        foreach (var c in population.Contacts())
        {
            Set(contact, c.CommunityId, c.OwnerId, c.OtherId, c.How, Instant(c.FirstMet), Instant(c.LastSpoke));
            await contact.ExecuteNonQueryAsync();
            var n = Population.NudgeFor(c, count);
            Set(nudge, n.CommunityId, n.OwnerId, n.OtherId, n.Kind.ToString(), Instant(n.DueAt));
            await nudge.ExecuteNonQueryAsync();
            if (c.OwnerId == Population.HeavyOwner)
            {
                Set(note, c.CommunityId, c.OwnerId, c.OtherId, Instant(c.LastSpoke), Population.NoteText);
                await note.ExecuteNonQueryAsync();
            }

            if (++count % 500_000 == 0)
            {
                progress(count);
            }
        }

        await transaction.CommitAsync();
        await Execute(connection, "ANALYZE;");
        return count;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter(name, SqliteType.Text));
        }

        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, params string[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);
}
