using NetworkingBot.Core.Network;
using Xunit;

namespace NetworkingBot.Testing.StoreContract;

/// <summary>
/// What every <see cref="INetworkStore"/> promises about logs, notes and settings. A store's test project derives
/// and supplies fresh, empty stores; nudges, introductions and forgetting are in the other part of this class.
/// </summary>
public abstract partial class NetworkStoreContractTests
{
    protected const string Community = "console:c1";
    protected static readonly DateTimeOffset T0 = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    protected abstract Task<INetworkStore> CreateStoreAsync();

    protected static NetworkContact Met(string owner, string other, DateTimeOffset at, string how = "coffee chat, round 1", bool planned = false) =>
        new(Community, owner, other, how, at, at, Planned: planned);

    [Fact]
    public async Task A_meeting_is_recorded_once_and_a_later_one_moves_last_spoke_but_keeps_how_and_first_met()
    {
        var store = await CreateStoreAsync();
        Assert.Equal(Met("ana", "sam", T0), await store.RecordMeetingAsync(Met("ana", "sam", T0)));

        var again = await store.RecordMeetingAsync(Met("ana", "sam", T0.AddDays(30), "coffee chat, round 5"));
        var earlier = await store.RecordMeetingAsync(Met("ana", "sam", T0.AddDays(-3), "introduced by @lee"));

        var expected = Met("ana", "sam", T0) with { LastSpoke = T0.AddDays(30) };
        Assert.Equal(expected, again);
        Assert.Equal(expected, earlier);
        Assert.Equal(expected, await store.GetContactAsync(Community, "ana", "sam"));
        Assert.Null(await store.GetContactAsync(Community, "sam", "ana"));
        Assert.Null(await store.GetContactAsync("console:other", "ana", "sam"));
    }

    [Fact]
    public async Task A_planned_meeting_is_confirmed_by_a_held_one_and_a_plan_never_moves_last_spoke()
    {
        var store = await CreateStoreAsync();
        await store.RecordMeetingAsync(Met("ana", "sam", T0, planned: true));

        var stillPlanned = await store.RecordMeetingAsync(Met("ana", "sam", T0.AddDays(2), planned: true));
        Assert.True(stillPlanned.Planned);
        Assert.Equal(T0, stillPlanned.LastSpoke);

        var held = await store.RecordMeetingAsync(Met("ana", "sam", T0.AddDays(3)));
        Assert.False(held.Planned);
        Assert.Equal(T0.AddDays(3), held.LastSpoke);

        var planAfter = await store.RecordMeetingAsync(Met("ana", "sam", T0.AddDays(9), planned: true));
        Assert.False(planAfter.Planned);
        Assert.Equal(T0.AddDays(3), planAfter.LastSpoke);
    }

    [Fact]
    public async Task A_log_is_listed_most_recently_spoken_first_in_pages_with_its_total()
    {
        var store = await CreateStoreAsync();
        for (var i = 0; i < 25; i++)
        {
            await store.RecordMeetingAsync(Met("ana", $"m{i:00}", T0.AddDays(i % 5)));
        }

        await store.RecordMeetingAsync(Met("sam", "ana", T0));

        var first = await store.ListContactsAsync(Community, "ana", null, 0, 10);
        var third = await store.ListContactsAsync(Community, "ana", null, 20, 10);
        var beyond = await store.ListContactsAsync(Community, "ana", null, 30, 10);

        Assert.Equal(25, first.Total);
        Assert.Equal(["m04", "m09", "m14", "m19", "m24", "m03", "m08", "m13", "m18", "m23"], first.Contacts.Select(c => c.OtherId));
        Assert.Equal(["m00", "m05", "m10", "m15", "m20"], third.Contacts.Select(c => c.OtherId));
        Assert.Empty(beyond.Contacts);
        Assert.Equal(25, beyond.Total);
        Assert.Equal(0, (await store.ListContactsAsync(Community, "nobody", null, 0, 10)).Total);
    }

    [Fact]
    public async Task A_search_matches_the_other_member_or_how_ignoring_case()
    {
        var store = await CreateStoreAsync();
        await store.RecordMeetingAsync(Met("ana", "sam", T0, "coffee chat, round 1"));
        await store.RecordMeetingAsync(Met("ana", "lee", T0, "informational interview about Archives"));
        await store.RecordMeetingAsync(Met("ana", "kim", T0.AddDays(1), "added by hand: state conference 2026"));

        Assert.Equal(["lee"], (await store.ListContactsAsync(Community, "ana", "ARCHIVES", 0, 10)).Contacts.Select(c => c.OtherId));
        Assert.Equal(["sam"], (await store.ListContactsAsync(Community, "ana", "Sa", 0, 10)).Contacts.Select(c => c.OtherId));
        var page = await store.ListContactsAsync(Community, "ana", "zzz", 0, 10);
        Assert.Empty(page.Contacts);
        Assert.Equal(0, page.Total);
        Assert.Equal(3, (await store.ListContactsAsync(Community, "ana", "", 0, 10)).Total);
    }

    [Fact]
    public async Task A_search_with_like_wildcards_matches_them_literally()
    {
        var store = await CreateStoreAsync();
        await store.RecordMeetingAsync(Met("ana", "sam", T0, "met at 100% conference"));
        await store.RecordMeetingAsync(Met("ana", "lee", T0, "met at the library"));

        Assert.Equal(["sam"], (await store.ListContactsAsync(Community, "ana", "%", 0, 10)).Contacts.Select(c => c.OtherId));
        Assert.Empty((await store.ListContactsAsync(Community, "ana", "l_e", 0, 10)).Contacts);
    }

    [Fact]
    public async Task Last_spoke_and_reminders_change_only_an_existing_entry()
    {
        var store = await CreateStoreAsync();
        await store.RecordMeetingAsync(Met("ana", "sam", T0, planned: true));

        Assert.True(await store.SetLastSpokeAsync(Community, "ana", "sam", T0.AddDays(4)));
        Assert.True(await store.SetRemindersAsync(Community, "ana", "sam", false));
        Assert.False(await store.SetLastSpokeAsync(Community, "ana", "lee", T0));
        Assert.False(await store.SetRemindersAsync(Community, "sam", "ana", false));

        Assert.Equal(Met("ana", "sam", T0) with { LastSpoke = T0.AddDays(4), RemindersOn = false }, await store.GetContactAsync(Community, "ana", "sam"));
        Assert.Null(await store.GetContactAsync(Community, "ana", "lee"));
    }

    [Fact]
    public async Task Notes_belong_to_their_author_and_go_with_a_removed_entry()
    {
        var store = await CreateStoreAsync();
        await store.RecordMeetingAsync(Met("ana", "sam", T0));
        await store.RecordMeetingAsync(Met("ana", "lee", T0));
        await store.RecordMeetingAsync(Met("sam", "ana", T0));
        NetworkNote first = new(Community, "ana", "sam", T0.AddHours(1), "Likes \"archives\", commas, and ünïcode"),
            second = new(Community, "ana", "sam", T0.AddHours(2), "second"),
            aboutLee = new(Community, "ana", "lee", T0.AddHours(3), "lee"),
            sams = new(Community, "sam", "ana", T0.AddHours(1), "sam's own");
        foreach (var note in new[] { second, first, aboutLee, sams })
        {
            await store.AddNoteAsync(note);
        }

        Assert.Equal([first, second], await store.ListNotesAsync(Community, "ana", "sam"));
        Assert.Equal([aboutLee, first, second], await store.ListAllNotesAsync(Community, "ana"));
        Assert.Equal([sams], await store.ListNotesAsync(Community, "sam", "ana"));

        Assert.True(await store.RemoveContactAsync(Community, "ana", "sam"));
        Assert.False(await store.RemoveContactAsync(Community, "ana", "sam"));

        Assert.Null(await store.GetContactAsync(Community, "ana", "sam"));
        Assert.Empty(await store.ListNotesAsync(Community, "ana", "sam"));
        Assert.Equal([aboutLee], await store.ListAllNotesAsync(Community, "ana"));
        Assert.NotNull(await store.GetContactAsync(Community, "sam", "ana"));
        Assert.Equal([sams], await store.ListNotesAsync(Community, "sam", "ana"));
    }

    [Fact]
    public async Task Settings_default_to_on_and_are_kept_per_member_and_community()
    {
        var store = await CreateStoreAsync();
        Assert.Equal(NetworkSettings.Default(Community, "ana"), await store.GetSettingsAsync(Community, "ana"));

        await store.SaveSettingsAsync(new NetworkSettings(Community, "ana", NudgesOn: false, IntrosOn: true));
        await store.SaveSettingsAsync(new NetworkSettings(Community, "ana", NudgesOn: false, IntrosOn: false));

        Assert.Equal(new NetworkSettings(Community, "ana", false, false), await store.GetSettingsAsync(Community, "ana"));
        Assert.Equal(NetworkSettings.Default(Community, "sam"), await store.GetSettingsAsync(Community, "sam"));
        Assert.Equal(NetworkSettings.Default("console:other", "ana"), await store.GetSettingsAsync("console:other", "ana"));
    }
}
