using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core.CoffeeChats;
using Xunit;

namespace NetworkingBot.Storage.Sqlite.Tests;

public sealed class SqliteServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task AddSqliteStore_registers_one_singleton_behind_all_three_ports()
    {
        await using var provider = new ServiceCollection()
            .AddSqliteStore(o => o.Path = _database.PathOf())
            .BuildServiceProvider(validateScopes: true);

        var store = provider.GetRequiredService<SqliteStore>();
        await store.InitializeAsync();

        Assert.Same(store.Members, provider.GetRequiredService<IMemberStore>());
        Assert.Same(store.Programs, provider.GetRequiredService<ICoffeeScheduleStore>());
        Assert.Same(store.Rounds, provider.GetRequiredService<IRoundStore>());
        Assert.Equal(_database.PathOf(), store.DatabasePath);
        store.ReleaseConnections();
    }

    public void Dispose() => _database.Dispose();
}
