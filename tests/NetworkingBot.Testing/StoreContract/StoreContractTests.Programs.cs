using NetworkingBot.Core.Scheduling;
using Xunit;
using static NetworkingBot.Testing.StoreContract.StoreSamples;

namespace NetworkingBot.Testing.StoreContract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Program_get_of_unconfigured_community_is_null()
    {
        var stores = await CreateStoresAsync();
        Assert.Null(await stores.Programs.GetAsync("c1"));
        Assert.Empty(await stores.Programs.ListAsync());
    }

    [Fact]
    public async Task Program_upsert_then_get_round_trips_every_field()
    {
        var stores = await CreateStoresAsync();
        var program = Program("c1");

        await stores.Programs.UpsertAsync(program);

        StoreAssert.Same(program, await stores.Programs.GetAsync("c1"));
    }

    [Fact]
    public async Task Program_round_trips_every_day_and_cadence_and_edge_times()
    {
        var stores = await CreateStoresAsync();
        var programs = Enum.GetValues<DayOfWeek>().Select((day, i) => Program($"c{i}") with
        {
            Day = day,
            Cadence = Enum.GetValues<Cadence>()[i % 3],
            Time = i == 0 ? TimeOnly.MinValue : i == 1 ? TimeOnly.MaxValue : new TimeOnly(i, 0),
            Anchor = i == 0 ? DateOnly.MinValue : new DateOnly(2024, 2, 29).AddDays(i),
            Enabled = i % 2 == 0,
        }).ToList();

        foreach (var program in programs)
        {
            await stores.Programs.UpsertAsync(program);
        }

        foreach (var program in programs)
        {
            StoreAssert.Same(program, await stores.Programs.GetAsync(program.CommunityId));
        }
    }

    [Fact]
    public async Task Program_upsert_replaces_the_existing_settings()
    {
        var stores = await CreateStoresAsync();
        await stores.Programs.UpsertAsync(Program("c1"));
        var changed = Program("c1") with
        {
            ChannelId = "new-channel",
            Day = DayOfWeek.Monday,
            Time = new TimeOnly(7, 0),
            Cadence = Cadence.Weekly,
            GroupSize = 2,
            Enabled = false,
            UpdatedAt = T0.AddHours(5),
        };

        await stores.Programs.UpsertAsync(changed);

        StoreAssert.Same(changed, await stores.Programs.GetAsync("c1"));
        Assert.Single(await stores.Programs.ListAsync());
    }

    [Fact]
    public async Task Program_list_returns_every_configured_program()
    {
        var stores = await CreateStoresAsync();
        await stores.Programs.UpsertAsync(Program("c2"));
        await stores.Programs.UpsertAsync(Program("c1") with { Enabled = false });

        var listed = await stores.Programs.ListAsync();

        Assert.Equal(["c1", "c2"], listed.Select(p => p.CommunityId).Order(StringComparer.Ordinal));
        StoreAssert.Same(Program("c1") with { Enabled = false }, listed.Single(p => p.CommunityId == "c1"));
    }
}
