using Dapper;
using Xunit;

namespace NetworkingBot.Storage.Sqlite.Tests;

/// <summary>
/// Programs add numbered migrations in parallel branches (interviews 0002, job leads 0003). A database that got
/// 0003 before 0002 existed must still get 0002 later, and the embedded set must include the job-lead tables.
/// </summary>
public sealed class MigrationOrderTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_migration_numbered_below_one_already_applied_is_still_applied()
    {
        var connections = new SqliteConnectionFactory(new SqliteOptions { Path = _database.PathOf() });
        Migration One = new(1, "0001_a", "CREATE TABLE a (x INTEGER);"), Two = new(2, "0002_b", "CREATE TABLE b (x INTEGER);"), Three = new(3, "0003_c", "CREATE TABLE c (x INTEGER);");

        Assert.Equal(["0001_a", "0003_c"], await new SqliteMigrator(connections, [One, Three]).MigrateAsync());
        Assert.Equal(["0002_b"], await new SqliteMigrator(connections, [One, Two, Three]).MigrateAsync());
        Assert.Empty(await new SqliteMigrator(connections, [One, Two, Three]).MigrateAsync());
        connections.ClearPool();
    }

    [Fact]
    public async Task The_embedded_migrations_create_the_job_lead_tables()
    {
        Assert.Contains(Migration.LoadEmbedded(), m => m is { Version: 3, Name: "0003_job_leads" });
        var store = _database.Open();
        await store.InitializeAsync();
        var connections = new SqliteConnectionFactory(new SqliteOptions { Path = store.DatabasePath });
        await using (var connection = await connections.OpenAsync(CancellationToken.None))
        {
            var tables = (await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'job_%' ORDER BY name;")).ToList();
            Assert.Equal(["job_boards", "job_deliveries", "job_leads", "job_subscriptions"], tables);
        }

        connections.ClearPool();
    }
}
