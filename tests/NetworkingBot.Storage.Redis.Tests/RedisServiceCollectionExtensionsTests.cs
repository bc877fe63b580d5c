using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Core.JobLeads;

namespace NetworkingBot.Storage.Redis.Tests;

public sealed class RedisServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddRedisStore_registers_one_singleton_behind_every_store_port()
    {
        await using var provider = new ServiceCollection()
            .AddRedisStore(o => o.ConnectionString = "127.0.0.1:6379,prefix=nb:")
            .BuildServiceProvider(validateScopes: true);

        var store = provider.GetRequiredService<RedisStore>();

        Assert.Same(store.Members, provider.GetRequiredService<IMemberStore>());
        Assert.Same(store.Programs, provider.GetRequiredService<ICoffeeScheduleStore>());
        Assert.Same(store.Rounds, provider.GetRequiredService<IRoundStore>());
        Assert.Same(store.Interviews, provider.GetRequiredService<IInterviewStore>());
        Assert.Same(store.JobLeads, provider.GetRequiredService<IJobLeadStore>());
        Assert.Equal("nb:", provider.GetRequiredService<Client.IRedisDatabase>().KeyPrefix);
        Assert.Single(provider.GetServices<IStoreInitializer>());
    }

    [Fact]
    public async Task A_bad_connection_string_fails_the_start_with_the_mistake_named()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddRedisStore(o => o.ConnectionString = "localhost:6379,sll=true");
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.StartsWith("Redis:ConnectionString is not usable: Unknown setting 'sll'", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task The_initializer_records_the_layout_and_refuses_another_one()
    {
        await using var connection = new Client.RedisConnection(RedisServer.Options());
        var db = new Client.RedisDatabase(connection);
        var store = new RedisStore(db);

        Assert.True(await store.InitializeAsync() >= new Version(5, 0));
        Assert.Equal(RedisStore.LayoutVersion, (await connection.ExecuteAsync(["GET", db.KeyPrefix + "schema"])).AsString());

        await connection.ExecuteAsync(["SET", db.KeyPrefix + "schema", "99"]);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync());
        Assert.Contains("says layout 99", error.Message, StringComparison.Ordinal);
        await db.KeyDeleteAsync(["schema"]);
    }
}
