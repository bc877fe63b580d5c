using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NetworkingBot.Core;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Pairing;
using NetworkingBot.Core.Scheduling;
using NetworkingBot.Storage.Redis.Client;
using NetworkingBot.Testing.Fakes;
using NetworkingBot.Testing.SeveralInstances;

namespace NetworkingBot.Storage.Redis.Tests;

/// <summary>
/// One bot instance: the real core and the Redis store (leases included) through <c>AddRedisStore</c>, in a
/// container of its own (so two of them share nothing but the Redis server), with a recording messenger.
/// </summary>
internal sealed class CoreInstance : ICoreInstance
{
    private readonly ServiceProvider _provider;

    /// <summary>An instance whose clock stands still at <paramref name="now"/>.</summary>
    public CoreInstance(string connectionString, IMessenger messenger, DateTimeOffset now)
        : this(connectionString, messenger, new FakeTimeProvider(now))
    {
    }

    /// <summary>An instance on a clock the test moves, maybe one it shares with another instance.</summary>
    public CoreInstance(string connectionString, IMessenger messenger, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddNetworkingCore();
        services.AddRedisStore(o => o.ConnectionString = connectionString);

        services.AddSingleton(messenger);
        services.AddSingleton<IRoundScheduler>(new RecordingScheduler());
        services.AddSingleton<IPairingEngine>(new InOrderPairingEngine());
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public RedisConnection Connection => _provider.GetRequiredService<RedisConnection>();

    public RedisStore Store => _provider.GetRequiredService<RedisStore>();

    public Task<CommandResult> RunAsync(string user, string line, bool organiser = false) =>
        _provider.GetRequiredService<CommandDispatcher>().DispatchAsync(CoreHarness.Context(user, organiser), line);

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task<RoundOutcome> RunScheduledAsync(string communityId, DateTimeOffset slot)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RoundService>().RunScheduledAsync(communityId, slot, CancellationToken.None);
    }

    /// <summary>What the host runs at start: missed slots, then rounds another instance left half-delivered.</summary>
    public async Task CatchUpAsync()
    {
        await using var scope = _provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoundService>().CatchUpAsync(CancellationToken.None);
    }

    /// <summary>What a round's check-in trigger runs.</summary>
    public async Task SendCheckInsAsync(string roundId)
    {
        await using var scope = _provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CheckInService>().SendAsync(roundId, CancellationToken.None);
    }

    /// <summary>A weekly program for pairs and <paramref name="members"/> members due for a round.</summary>
    public async Task SeedCommunityAsync(string communityId, int members, DateTimeOffset now)
    {
        await Store.Programs.UpsertAsync(Testing.StoreContract.StoreSamples.Program(communityId) with
        {
            Cadence = Cadence.Weekly,
            GroupSize = 2,
            Enabled = true,
            UpdatedAt = now.AddDays(-30),
        });
        await Task.WhenAll(Enumerable.Range(0, members).Select(i => Store.Members.UpsertAsync(
            Testing.StoreContract.StoreSamples.Member(communityId, $"u{i:D4}") with
            {
                Profile = Testing.StoreContract.StoreSamples.Member(communityId, "x").Profile with { Cadence = Cadence.Weekly },
                Status = MemberStatus.Active,
                PausedUntil = null,
                SkipNext = false,
                LastRoundAt = null,
                JoinedAt = now.AddDays(-30),
            })));
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}

/// <summary>Passes messages on and runs an action once, right after the Nth accepted message (a fault mid-delivery).</summary>
internal sealed class TriggerMessenger(IMessenger inner, int after, Func<Task> action) : IMessenger
{
    private int _sent;

    public bool SupportsGroups(string communityId) => inner.SupportsGroups(communityId);

    public async Task SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        await inner.SendAsync(message, cancellationToken);
        if (Interlocked.Increment(ref _sent) == after)
        {
            await action();
        }
    }
}
