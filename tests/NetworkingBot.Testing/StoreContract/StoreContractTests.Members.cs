using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Scheduling;
using Xunit;
using static NetworkingBot.Testing.StoreContract.StoreSamples;

namespace NetworkingBot.Testing.StoreContract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Member_get_of_unknown_member_is_null()
    {
        var stores = await CreateStoresAsync();
        Assert.Null(await stores.Members.GetAsync("c1", "nobody"));
    }

    [Fact]
    public async Task Member_get_many_reads_those_with_a_record_in_this_community_only_across_chunks()
    {
        var stores = await CreateStoresAsync();
        var alice = Member("c1", "alice", "zines", "archives");
        await stores.Members.UpsertAsync(alice);
        await stores.Members.UpsertAsync(Member("c2", "bob"));
        var many = Enumerable.Range(0, 1_203).Select(i => Member("c1", $"m{i:D4}")).ToList();
        foreach (var member in many)
        {
            await stores.Members.UpsertAsync(member);
        }

        var found = await stores.Members.GetManyAsync("c1", ["alice", "bob", "nobody", "alice", .. many.Select(m => m.UserId)]);

        Assert.Equal(1 + many.Count, found.Count);
        StoreAssert.Same(alice, found["alice"]);
        StoreAssert.Same(many[^1], found[many[^1].UserId]);
        Assert.False(found.ContainsKey("bob"));
        Assert.Empty(await stores.Members.GetManyAsync("c1", []));
    }

    [Fact]
    public async Task Member_upsert_then_get_round_trips_every_field()
    {
        var stores = await CreateStoresAsync();
        var member = Member("c1", "alice", "zines", "archives", "metadata", "a-b");

        await stores.Members.UpsertAsync(member);

        StoreAssert.Same(member, await stores.Members.GetAsync("c1", "alice"));
    }

    [Fact]
    public async Task Member_round_trips_null_optionals_and_empty_interests()
    {
        var stores = await CreateStoresAsync();
        var member = Member("c1", "bob") with
        {
            Profile = Member("c1", "bob").Profile with { Region = null, Interests = [] },
            PausedUntil = null,
            LastRoundAt = null,
            SkipNext = false,
            IgnoredCheckIns = 0,
        };

        await stores.Members.UpsertAsync(member);

        StoreAssert.Same(member, await stores.Members.GetAsync("c1", "bob"));
    }

    [Fact]
    public async Task Member_round_trips_every_enum_value()
    {
        var stores = await CreateStoresAsync();
        var members = Enumerable.Range(0, 6).Select(i => Member("c1", $"u{i}") with
        {
            Status = Enum.GetValues<MemberStatus>()[i % 2],
            Profile = Member("c1", $"u{i}").Profile with
            {
                Stage = Enum.GetValues<CareerStage>()[i % 6],
                LookingFor = Enum.GetValues<LookingFor>()[i % 4],
                Format = Enum.GetValues<MeetingFormat>()[i % 3],
                Cadence = Enum.GetValues<Cadence>()[i % 3],
            },
        }).ToList();

        foreach (var member in members)
        {
            await stores.Members.UpsertAsync(member);
        }

        foreach (var member in members)
        {
            StoreAssert.Same(member, await stores.Members.GetAsync("c1", member.UserId));
        }
    }

    [Fact]
    public async Task Member_upsert_replaces_the_existing_record()
    {
        var stores = await CreateStoresAsync();
        var first = Member("c1", "alice");
        await stores.Members.UpsertAsync(first);
        var second = first with
        {
            DisplayName = "Alice B.",
            Profile = first.Profile with { Interests = ["rare-books"], Region = null, Stage = CareerStage.Retired },
            Status = MemberStatus.Left,
            PausedUntil = null,
            SkipNext = false,
            IgnoredCheckIns = 3,
            LastRoundAt = T0.AddDays(1),
        };

        await stores.Members.UpsertAsync(second);

        StoreAssert.Same(second, await stores.Members.GetAsync("c1", "alice"));
        Assert.Single(await stores.Members.ListAsync("c1"));
    }

    [Fact]
    public async Task Member_list_is_the_community_ordered_by_user_id_including_those_who_left()
    {
        var stores = await CreateStoresAsync();
        await stores.Members.UpsertAsync(Member("c1", "carol"));
        await stores.Members.UpsertAsync(Member("c1", "alice") with { Status = MemberStatus.Left });
        await stores.Members.UpsertAsync(Member("c1", "bob"));
        await stores.Members.UpsertAsync(Member("c2", "aaron"));

        var listed = await stores.Members.ListAsync("c1");

        Assert.Equal(["alice", "bob", "carol"], listed.Select(m => m.UserId));
        StoreAssert.Same(Member("c1", "alice") with { Status = MemberStatus.Left }, listed[0]);
        Assert.Empty(await stores.Members.ListAsync("c3"));
    }

    [Fact]
    public async Task Member_same_user_in_two_communities_is_two_records()
    {
        var stores = await CreateStoresAsync();
        await stores.Members.UpsertAsync(Member("c1", "alice"));
        await stores.Members.UpsertAsync(Member("c2", "alice") with { DisplayName = "Other Alice" });

        Assert.Equal("Other Alice", (await stores.Members.GetAsync("c2", "alice"))?.DisplayName);
        StoreAssert.Same(Member("c1", "alice"), await stores.Members.GetAsync("c1", "alice"));
    }

    [Fact]
    public async Task Member_delete_removes_only_that_record_and_reports_it()
    {
        var stores = await CreateStoresAsync();
        await stores.Members.UpsertAsync(Member("c1", "alice"));
        await stores.Members.UpsertAsync(Member("c1", "bob"));
        await stores.Members.UpsertAsync(Member("c2", "alice"));

        Assert.True(await stores.Members.DeleteAsync("c1", "alice"));
        Assert.False(await stores.Members.DeleteAsync("c1", "alice"));
        Assert.False(await stores.Members.DeleteAsync("c1", "nobody"));

        Assert.Null(await stores.Members.GetAsync("c1", "alice"));
        Assert.NotNull(await stores.Members.GetAsync("c1", "bob"));
        Assert.NotNull(await stores.Members.GetAsync("c2", "alice"));
    }
}
