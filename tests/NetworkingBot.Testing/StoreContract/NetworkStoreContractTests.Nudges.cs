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

        var takes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.TryTakeNudgeAsync(due)));
        Assert.Equal(1, takes.Count(t => t));
        Assert.Empty(await store.ListNudgesAsync(Community, "ana"));

        var stale = Nudge("ana", "sam", NudgeKind.Reconnect, T0.AddDays(90));
        await store.ScheduleNudgeAsync(stale with { DueAt = T0.AddDays(95) });
        Assert.False(await store.TryTakeNudgeAsync(stale));
        Assert.Single(await store.ListNudgesAsync(Community, "ana"));
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
