using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Storage.Redis.Client;
using NetworkingBot.Testing.StoreContract;
using Xunit;
using static NetworkingBot.Testing.StoreContract.StoreSamples;

namespace NetworkingBot.Storage.Redis.Tests;

/// <summary>
/// What the Redis plan save adds to the contract: members are JSON values rewritten in C#, so a member changed or
/// deleted between that read and the script must make the script refuse and the store read again, never overwrite
/// the change or bring the member back; and the script sent twice (a lost reply) must leave the same state.
/// </summary>
public sealed class RedisPlanSaveTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly FreshStores _stores = new();

    [RedisFact]
    public async Task A_member_edited_or_deleted_while_the_plan_is_saved_keeps_the_edit_and_stays_deleted()
    {
        var db = new RedisDatabase(_stores.Connect());
        var store = new RedisStore(db);
        await store.InitializeAsync();
        await store.Members.UpsertAsync(Member("c1", "alice"));
        await store.Members.UpsertAsync(Member("c1", "bob"));
        var claimed = await store.Rounds.TryClaimAsync(Round("c1", "s1"));
        var planned = claimed! with { Status = RoundStatus.Planned, Groups = [Group(0, "alice", "bob")] };
        var edited = Member("c1", "alice", "maps") with { DisplayName = "Alice, edited" };
        var racing = new RedisStore(new BeforeEachScript(db, async () =>
        {
            await store.Members.UpsertAsync(edited);
            await store.Members.DeleteAsync("c1", "bob");
        }));

        await racing.Rounds.SavePlanAsync(planned, [new("alice", T0.AddDays(1), SkipNext: false), new("bob", T0.AddDays(1), SkipNext: false)]);

        StoreAssert.Same(edited with { LastRoundAt = T0.AddDays(1), SkipNext = false }, await store.Members.GetAsync("c1", "alice"));
        Assert.Null(await store.Members.GetAsync("c1", "bob"));
        StoreAssert.Same(planned, await store.Rounds.GetAsync(planned.RoundId));
    }

    [RedisFact]
    public async Task A_plan_save_sent_twice_by_one_call_leaves_the_plan_and_bookkeeping_once()
    {
        var db = new RedisDatabase(_stores.Connect());
        var store = new RedisStore(db);
        await store.InitializeAsync();
        var alice = Member("c1", "alice");
        await store.Members.UpsertAsync(alice);
        var claimed = await store.Rounds.TryClaimAsync(Round("c1", "s1"));
        var planned = claimed! with { Status = RoundStatus.Planned, Groups = [Group(0, "alice", "bob")] };
        var twice = new RedisStore(new BeforeEachScript(db, () => Task.CompletedTask, runTwice: true));

        await twice.Rounds.SavePlanAsync(planned, [new("alice", T0.AddDays(1), SkipNext: false)]);

        StoreAssert.Same(alice with { LastRoundAt = T0.AddDays(1), SkipNext = false }, await store.Members.GetAsync("c1", "alice"));
        Assert.Equal([planned.RoundId], (await store.Rounds.ListByStatusAsync([RoundStatus.Planned, RoundStatus.Claimed])).Select(r => r.RoundId));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // xunit 2 calls IAsyncLifetime on a test class, never IAsyncDisposable: without this the keys and connections stay.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public ValueTask DisposeAsync() => _stores.DisposeAsync();

    /// <summary>
    /// Runs <paramref name="before"/> ahead of the first script only (another client's write landing between the
    /// store's read and its script), and, when asked, every script twice returning the second reply.
    /// </summary>
    private sealed class BeforeEachScript(IRedisDatabase inner, Func<Task> before, bool runTwice = false) : DelegatingRedisDatabase(inner)
    {
        private int _scripts;

        public override async Task<RedisResult> ScriptEvaluateAsync(LuaScript script, IReadOnlyList<string> keys, IReadOnlyList<string> values, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _scripts) == 1)
            {
                await before();
            }

            var reply = await Inner.ScriptEvaluateAsync(script, keys, values, cancellationToken);
            return runTwice ? await Inner.ScriptEvaluateAsync(script, keys, values, cancellationToken) : reply;
        }
    }
}
