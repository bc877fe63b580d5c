using Dapper;
using NetworkingBot.Core.Network;
using NetworkingBot.Testing.StoreContract;
using Xunit;

namespace NetworkingBot.Storage.Sqlite.Tests;

/// <summary>The network store contract, run against a fresh SQLite file per store, and the indexes its scale needs.</summary>
public sealed class SqliteNetworkStoreContractTests : NetworkStoreContractTests, IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly List<SqliteStore> _opened = [];
    private int _count;

    protected override async Task<INetworkStore> CreateStoreAsync()
    {
        var path = _database.PathOf($"network-{Interlocked.Increment(ref _count)}.db");
        var store = new SqliteStore(new SqliteOptions { Path = path });
        await store.InitializeAsync();
        _opened.Add(store);
        return new SqliteNetworkStore(store);
    }

    [Theory]
    [InlineData("SELECT * FROM network_nudges WHERE due_at <= '2026-01-01' ORDER BY due_at LIMIT 100", "network_nudges_by_due")]
    [InlineData("SELECT * FROM network_contacts WHERE community_id = 'c' AND owner_id = 'o' ORDER BY last_spoke DESC, other_id LIMIT 10 OFFSET 10", "network_contacts_by_last_spoke")]
    public async Task The_sweep_and_a_page_of_a_log_are_read_from_an_index_not_a_scan(string query, string index)
    {
        await CreateStoreAsync();
        var connections = new SqliteConnectionFactory(new SqliteOptions { Path = _database.PathOf($"network-{_count}.db") });
        await using (var connection = await connections.OpenAsync(CancellationToken.None))
        {
            var plan = string.Join(" | ", (await connection.QueryAsync<(long, long, long, string Detail)>("EXPLAIN QUERY PLAN " + query)).Select(r => r.Detail));
            Assert.Contains(index, plan, StringComparison.Ordinal);
            Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
        }

        connections.ClearPool();
    }

    public void Dispose()
    {
        foreach (var store in _opened)
        {
            store.ReleaseConnections();
        }

        _database.Dispose();
    }
}
