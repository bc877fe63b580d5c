using NetworkingBot.Core.CoffeeChats;
using Xunit;
using static NetworkingBot.Testing.StoreContract.StoreSamples;

namespace NetworkingBot.Testing.StoreContract;

/// <summary>Issue 16: a round's plan and its members' bookkeeping are saved together or not at all.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Plan_save_writes_the_round_and_only_the_bookkeeping_of_the_named_members()
    {
        var stores = await CreateStoresAsync();
        var placed = Member("c1", "alice");
        var skipper = Member("c1", "bob");
        var untouched = Member("c1", "carol");
        var elsewhere = Member("c2", "alice");
        foreach (var member in new[] { placed, skipper, untouched, elsewhere })
        {
            await stores.Members.UpsertAsync(member);
        }

        var claimed = await stores.Rounds.TryClaimAsync(Round("c1", "s1"));
        var planned = claimed! with { Status = RoundStatus.Planned, Groups = [Group(0, "alice", "carol")], Unmatched = ["dave"] };
        var at = T0.AddDays(14).AddTicks(5);

        await stores.Rounds.SavePlanAsync(planned, [new("alice", at, SkipNext: false), new("bob", skipper.LastRoundAt, SkipNext: false)]);

        StoreAssert.Same(planned, await stores.Rounds.GetAsync(planned.RoundId));
        StoreAssert.Same(placed with { LastRoundAt = at, SkipNext = false }, await stores.Members.GetAsync("c1", "alice"));
        StoreAssert.Same(skipper with { SkipNext = false }, await stores.Members.GetAsync("c1", "bob"));
        StoreAssert.Same(untouched, await stores.Members.GetAsync("c1", "carol"));
        StoreAssert.Same(elsewhere, await stores.Members.GetAsync("c2", "alice"));
        Assert.Equal([planned.RoundId], (await stores.Rounds.ListByStatusAsync([RoundStatus.Planned])).Select(r => r.RoundId));
        Assert.Empty(await stores.Rounds.ListByStatusAsync([RoundStatus.Claimed]));
    }

    [Fact]
    public async Task Plan_save_keeps_what_else_changed_in_a_member_since_planning_read_it()
    {
        var stores = await CreateStoresAsync();
        await stores.Members.UpsertAsync(Member("c1", "alice"));
        var claimed = await stores.Rounds.TryClaimAsync(Round("c1", "s1"));

        // The member edits their profile after the planner read them, before the plan is saved.
        var edited = Member("c1", "alice", "maps") with { DisplayName = "Alice, edited", IgnoredCheckIns = 0 };
        await stores.Members.UpsertAsync(edited);
        await stores.Rounds.SavePlanAsync(claimed! with { Status = RoundStatus.Planned }, [new("alice", null, SkipNext: false)]);

        StoreAssert.Same(edited with { LastRoundAt = null, SkipNext = false }, await stores.Members.GetAsync("c1", "alice"));
    }

    [Fact]
    public async Task Plan_save_never_recreates_a_member_who_is_gone()
    {
        var stores = await CreateStoresAsync();
        await stores.Members.UpsertAsync(Member("c1", "alice"));
        var claimed = await stores.Rounds.TryClaimAsync(Round("c1", "s1"));
        var planned = claimed! with { Status = RoundStatus.Planned, Groups = [Group(0, "alice", "bob")] };

        await stores.Rounds.SavePlanAsync(planned, [new("alice", T0, SkipNext: false), new("bob", T0, SkipNext: false)]);

        Assert.Null(await stores.Members.GetAsync("c1", "bob"));
        Assert.Equal(["alice"], (await stores.Members.ListAsync("c1")).Select(m => m.UserId));
        StoreAssert.Same(planned, await stores.Rounds.GetAsync(planned.RoundId));
    }

    [Fact]
    public async Task Plan_save_that_fails_leaves_neither_the_round_nor_any_member_changed()
    {
        var stores = await CreateStoresAsync();
        var alice = Member("c1", "alice");
        await stores.Members.UpsertAsync(alice);
        var never = Round("c1", "s1") with { Status = RoundStatus.Planned, Groups = [Group(0, "alice", "bob")] };

        // Saving the plan of a round that was never claimed is refused as a whole.
        await Assert.ThrowsAsync<InvalidOperationException>(() => stores.Rounds.SavePlanAsync(never, [new("alice", T0.AddDays(30), SkipNext: false)]));

        StoreAssert.Same(alice, await stores.Members.GetAsync("c1", "alice"));
        Assert.Null(await stores.Rounds.GetAsync(never.RoundId));
        Assert.Empty(await stores.Rounds.ListByStatusAsync([RoundStatus.Planned]));
    }

    [Fact]
    public async Task Plan_save_again_with_the_same_plan_changes_nothing_more()
    {
        var stores = await CreateStoresAsync();
        var alice = Member("c1", "alice");
        await stores.Members.UpsertAsync(alice);
        var claimed = await stores.Rounds.TryClaimAsync(Round("c1", "s1"));
        var planned = claimed! with { Status = RoundStatus.Planned, Groups = [Group(0, "alice", "bob")] };
        MemberRoundUpdate[] bookkeeping = [new("alice", T0.AddDays(1), SkipNext: false)];

        await stores.Rounds.SavePlanAsync(planned, bookkeeping);
        await stores.Rounds.SavePlanAsync(planned, bookkeeping);

        StoreAssert.Same(planned, await stores.Rounds.GetAsync(planned.RoundId));
        StoreAssert.Same(alice with { LastRoundAt = T0.AddDays(1), SkipNext = false }, await stores.Members.GetAsync("c1", "alice"));
    }
}
