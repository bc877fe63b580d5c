using NetworkingBot.Core.Network;
using Xunit;

namespace NetworkingBot.Testing.StoreContract;

/// <summary>What every <see cref="INetworkStore"/> promises about due nudges, introductions and forgetting.</summary>
public abstract partial class NetworkStoreContractTests
{
    private static NetworkNudge Nudge(string owner, string other, NudgeKind kind, DateTimeOffset due, string community = Community) =>
        new(community, owner, other, kind, due);

    [Fact]
    public async Task Due_nudges_are_listed_earliest_first_across_communities_up_to_the_limit()
    {
        var store = await CreateStoreAsync();
        var late = Nudge("ana", "sam", NudgeKind.MonthLater, T0.AddDays(30));
        var first = Nudge("ana", "sam", NudgeKind.ThankYou, T0.AddDays(1));
        var other = Nudge("lee", "kim", NudgeKind.ThankYou, T0.AddDays(2), "console:other");
        var third = Nudge("sam", "ana", NudgeKind.ThankYou, T0.AddDays(3));
        foreach (var nudge in new[] { late, third, other, first })
        {
            await store.ScheduleNudgeAsync(nudge);
        }

        Assert.Equal([first, other, third], await store.ListDueNudgesAsync(T0.AddDays(3), 10));
        Assert.Equal([first, other], await store.ListDueNudgesAsync(T0.AddDays(3), 2));
        Assert.Empty(await store.ListDueNudgesAsync(T0, 10));
        Assert.Equal([first, late], await store.ListNudgesAsync(Community, "ana"));
    }

    [Fact]
    public async Task Scheduling_a_nudge_again_moves_it_instead_of_adding_one()
    {
        var store = await CreateStoreAsync();
        await store.ScheduleNudgeAsync(Nudge("ana", "sam", NudgeKind.Reconnect, T0.AddDays(90)));
        var moved = Nudge("ana", "sam", NudgeKind.Reconnect, T0.AddDays(120));
        await store.ScheduleNudgeAsync(moved);

        Assert.Equal([moved], await store.ListNudgesAsync(Community, "ana"));
        Assert.Empty(await store.ListDueNudgesAsync(T0.AddDays(100), 10));
    }

    [Fact]
    public async Task A_due_nudge_is_taken_once_and_not_when_it_was_moved_meanwhile()
    {
        var store = await CreateStoreAsync();
        var due = Nudge("ana", "sam", NudgeKind.ThankYou, T0.AddDays(1));
        await store.ScheduleNudgeAsync(due);

        var takes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.TakeNudgesAsync([due])));
        Assert.Equal(1, takes.Count(t => t.Count == 1));
        Assert.Equal([due], takes.Single(t => t.Count == 1));
        Assert.Empty(await store.ListNudgesAsync(Community, "ana"));

        var stale = Nudge("ana", "sam", NudgeKind.Reconnect, T0.AddDays(90));
        await store.ScheduleNudgeAsync(stale with { DueAt = T0.AddDays(95) });
        Assert.Empty(await store.TakeNudgesAsync([stale]));
        Assert.Single(await store.ListNudgesAsync(Community, "ana"));
    }

    [Fact]
    public async Task A_batch_take_takes_what_is_stored_as_read_across_owners_and_leaves_the_rest()
    {
        var store = await CreateStoreAsync();
        var anaSam = Nudge("ana", "sam", NudgeKind.ThankYou, T0.AddDays(1));
        var anaLee = Nudge("ana", "lee", NudgeKind.MonthLater, T0.AddDays(2));
        var leeAna = Nudge("lee", "ana", NudgeKind.ThankYou, T0.AddDays(1));
        var moved = Nudge("sam", "ana", NudgeKind.Reconnect, T0.AddDays(3));
        var absent = Nudge("kim", "ana", NudgeKind.Reconnect, T0.AddDays(1));
        foreach (var nudge in new[] { anaSam, anaLee, leeAna, moved with { DueAt = T0.AddDays(9) } })
        {
            await store.ScheduleNudgeAsync(nudge);
        }

        var taken = await store.TakeNudgesAsync([anaSam, moved, leeAna, absent, anaLee]);

        Assert.Equal([anaSam, leeAna, anaLee], taken);
        Assert.Empty(await store.ListNudgesAsync(Community, "ana"));
        Assert.Empty(await store.ListNudgesAsync(Community, "lee"));
        Assert.Equal([moved with { DueAt = T0.AddDays(9) }], await store.ListNudgesAsync(Community, "sam"));
        Assert.Empty(await store.TakeNudgesAsync([anaSam, leeAna]));
        Assert.Empty(await store.TakeNudgesAsync([]));
    }

    [Fact]
    public async Task Overlapping_batch_takes_take_each_nudge_exactly_once()
    {
        var store = await CreateStoreAsync();
        var nudges = Enumerable.Range(0, 40).Select(i => Nudge($"m{i:D2}", "sam", NudgeKind.Reconnect, T0.AddDays(1))).ToList();
        foreach (var nudge in nudges)
        {
            await store.ScheduleNudgeAsync(nudge);
        }

        // Four runs each take the whole list in differently sized, differently ordered batches.
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(async run =>
        {
            var mine = new List<NetworkNudge>();
            var order = run % 2 == 0 ? nudges : Enumerable.Reverse(nudges).ToList();
            foreach (var batch in order.Chunk(3 + run))
            {
                mine.AddRange(await store.TakeNudgesAsync(batch));
            }

            return mine;
        }));

        var all = runs.SelectMany(r => r).ToList();
        Assert.Equal(nudges.Count, all.Count);
        Assert.Equal(nudges.ToHashSet(), all.ToHashSet());
    }

    [Fact]
    public async Task Removing_an_entry_removes_its_nudges_only()
    {
        var store = await CreateStoreAsync();
        await store.RecordMeetingAsync(Met("ana", "sam", T0));
        await store.ScheduleNudgeAsync(Nudge("ana", "sam", NudgeKind.ThankYou, T0.AddDays(1)));
        var kept = Nudge("ana", "lee", NudgeKind.ThankYou, T0.AddDays(1));
        await store.ScheduleNudgeAsync(kept);

        await store.RemoveContactAsync(Community, "ana", "sam");

        Assert.Equal([kept], await store.ListNudgesAsync(Community, "ana"));
    }

    [Fact]
    public async Task Introductions_are_listed_per_introducer_since_an_instant()
    {
        var store = await CreateStoreAsync();
        IntroRecord old = new(Community, "sam", "ana", "lee", T0.AddDays(-100)),
            recent = new(Community, "sam", "kim", "ana", T0.AddDays(-1)),
            today = new(Community, "sam", "lee", "kim", T0),
            others = new(Community, "lee", "ana", "sam", T0),
            elsewhere = new("console:other", "sam", "ana", "lee", T0);
        foreach (var intro in new[] { today, old, others, recent, elsewhere })
        {
            await store.AddIntroAsync(intro);
        }

        Assert.Equal([recent, today], await store.ListIntrosSinceAsync(Community, "sam", T0.AddDays(-90)));
        Assert.Equal([old, recent, today], await store.ListIntrosSinceAsync(Community, "sam", T0.AddYears(-1)));
        Assert.True(recent.IsOfPair("ana", "kim"));
        Assert.False(recent.IsOfPair("ana", "lee"));
    }

    [Fact]
    public async Task Forgetting_a_member_deletes_their_log_and_makes_them_a_former_member_in_others_logs()
    {
        var store = await CreateStoreAsync();
        await store.RecordMeetingAsync(Met("sam", "ana", T0));
        await store.RecordMeetingAsync(Met("sam", "lee", T0));
        await store.AddNoteAsync(new NetworkNote(Community, "sam", "ana", T0, "sam's note"));
        await store.RecordMeetingAsync(Met("ana", "sam", T0, "coffee chat, round 3"));
        await store.RecordMeetingAsync(Met("ana", "kim", T0));
        var anaNote = new NetworkNote(Community, "ana", "sam", T0.AddHours(1), "ana's note about sam");
        await store.AddNoteAsync(anaNote);
        await store.RecordMeetingAsync(Met("sam", "ana", T0) with { CommunityId = "console:other" });
        await store.ScheduleNudgeAsync(Nudge("sam", "ana", NudgeKind.ThankYou, T0.AddDays(1)));
        await store.ScheduleNudgeAsync(Nudge("ana", "sam", NudgeKind.ThankYou, T0.AddDays(1)));
        var keptNudge = Nudge("ana", "kim", NudgeKind.ThankYou, T0.AddDays(1));
        await store.ScheduleNudgeAsync(keptNudge);
        await store.SaveSettingsAsync(new NetworkSettings(Community, "sam", false, false));
        await store.AddIntroAsync(new IntroRecord(Community, "sam", "ana", "lee", T0));
        await store.AddIntroAsync(new IntroRecord(Community, "lee", "ana", "sam", T0));
        var keptIntro = new IntroRecord(Community, "lee", "ana", "kim", T0);
        await store.AddIntroAsync(keptIntro);

        Assert.Equal(3, await store.ForgetMemberAsync(Community, "sam"));

        Assert.Equal(0, (await store.ListContactsAsync(Community, "sam", null, 0, 10)).Total);
        Assert.Empty(await store.ListAllNotesAsync(Community, "sam"));
        Assert.Equal(NetworkSettings.Default(Community, "sam"), await store.GetSettingsAsync(Community, "sam"));
        Assert.Null(await store.GetContactAsync(Community, "ana", "sam"));
        var anas = (await store.ListContactsAsync(Community, "ana", null, 0, 10)).Contacts;
        var former = Assert.Single(anas, c => c.FormerMember);
        Assert.Equal(Met("ana", "sam", T0, "coffee chat, round 3") with { OtherId = former.OtherId, FormerMember = true }, former);
        Assert.DoesNotContain("sam", former.OtherId, StringComparison.Ordinal);
        Assert.Equal([anaNote with { OtherId = former.OtherId }], await store.ListNotesAsync(Community, "ana", former.OtherId));
        Assert.Equal([keptNudge], await store.ListDueNudgesAsync(T0.AddDays(2), 10));
        Assert.Empty(await store.ListIntrosSinceAsync(Community, "sam", T0.AddYears(-1)));
        Assert.Equal([keptIntro], await store.ListIntrosSinceAsync(Community, "lee", T0.AddYears(-1)));
        Assert.NotNull(await store.GetContactAsync("console:other", "sam", "ana"));
    }

    [Fact]
    public async Task Two_forgotten_members_in_one_log_stay_two_former_members()
    {
        var store = await CreateStoreAsync();
        await store.RecordMeetingAsync(Met("ana", "sam", T0));
        await store.RecordMeetingAsync(Met("ana", "lee", T0));

        await store.ForgetMemberAsync(Community, "sam");
        await store.ForgetMemberAsync(Community, "lee");

        var page = await store.ListContactsAsync(Community, "ana", null, 0, 10);
        Assert.Equal(2, page.Total);
        Assert.All(page.Contacts, c => Assert.True(c.FormerMember));
    }
}
