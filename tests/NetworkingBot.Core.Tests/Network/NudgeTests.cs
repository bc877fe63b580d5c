using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Network;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Network;

/// <summary>Coffee check-ins recorded in the log, and the three follow-up nudges as stored due steps.</summary>
public sealed class NudgeTests
{
    /// <summary>Pairs ana with bob by pair-now (in-order engine) at the harness start and returns the round id.</summary>
    private static async Task<string> PairedAsync(CoreHarness h, string tz = "UTC")
    {
        await h.SetUpAsync();
        TestData.Ok(await h.RunAsync("ana", $"/coffee join tz:{tz}"));
        TestData.Ok(await h.RunAsync("bob", "/coffee join tz:UTC"));
        TestData.Ok(await h.RunAsync("org", "/coffee pair-now", organiser: true));
        return Assert.Single(h.Store.RoundsOf(CoreHarness.Community)).RoundId;
    }

    /// <summary>Moves the clock in one-hour steps, running every due work at each, as the minute job would.</summary>
    private static async Task AdvanceAsync(CoreHarness h, TimeSpan by)
    {
        var end = h.Clock.GetUtcNow() + by;
        while (h.Clock.GetUtcNow() < end)
        {
            h.Clock.Advance(TimeSpan.FromHours(1));
            await using var scope = h.GetService<IServiceScopeFactory>().CreateAsyncScope();
            foreach (var work in scope.ServiceProvider.GetServices<IDueWork>())
            {
                await work.RunDueAsync(default);
            }
        }
    }

    private static List<OutboundMessage> Nudges(CoreHarness h, string user) =>
        h.Messenger.DirectTo(user).Where(m => m.DedupKey.StartsWith("network:nudged:", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task We_met_records_both_logs_and_one_answer_speaks_for_the_group()
    {
        await using var h = new CoreHarness();
        var round = await PairedAsync(h);

        TestData.Ok(await h.RunAsync("ana", $"/coffee checkin round:{round} answer:met"));

        var bobs = await h.Network().GetContactAsync(CoreHarness.Community, "bob", "ana");
        Assert.Equal("coffee chat, round 1", bobs!.How);
        Assert.False(bobs.Planned);
        Assert.NotNull(await h.Network().GetContactAsync(CoreHarness.Community, "ana", "bob"));
    }

    [Fact]
    public async Task Scheduled_records_a_plan_that_a_later_we_met_confirms_and_a_plan_earns_no_nudge()
    {
        await using var h = new CoreHarness();
        var round = await PairedAsync(h);

        TestData.Ok(await h.RunAsync("ana", $"/coffee checkin round:{round} answer:scheduled"));
        Assert.True((await h.Network().GetContactAsync(CoreHarness.Community, "ana", "bob"))!.Planned);
        Assert.Empty(await h.Network().ListNudgesAsync(CoreHarness.Community, "ana"));

        h.Clock.Advance(TimeSpan.FromDays(2));
        TestData.Ok(await h.RunAsync("bob", $"/coffee checkin round:{round} answer:met"));
        var confirmed = (await h.Network().GetContactAsync(CoreHarness.Community, "ana", "bob"))!;
        Assert.False(confirmed.Planned);
        Assert.Equal(h.Clock.GetUtcNow(), confirmed.LastSpoke);
    }

    [Fact]
    public async Task Thank_you_month_later_and_reconnect_each_arrive_once_in_the_members_local_morning()
    {
        await using var h = new CoreHarness();
        var round = await PairedAsync(h, tz: "America/Chicago");
        TestData.Ok(await h.RunAsync("ana", $"/coffee checkin round:{round} answer:met"));
        TestData.Ok(await h.RunAsync("bob", $"/coffee checkin round:{round} answer:met"));

        // Met at 06:00 in Chicago on 4 March: the thank-you waits for 09:00 there the next day (15:00 UTC), not 24 hours.
        await AdvanceAsync(h, TimeSpan.FromHours(26));
        Assert.Empty(Nudges(h, "ana"));
        await AdvanceAsync(h, TimeSpan.FromHours(1));
        var thanks = Assert.Single(Nudges(h, "ana"));
        Assert.Contains("Did you thank bob for the chat?", thanks.Text, StringComparison.Ordinal);
        Assert.Equal(["Sent it (bob)", "Skip (bob)"], thanks.Buttons.Select(b => b.Label));
        Assert.Single(Nudges(h, "bob"));

        await AdvanceAsync(h, TimeSpan.FromDays(31));
        var month = Assert.Single(Nudges(h, "ana"), m => m.Text.Contains("It's been a month since you met bob", StringComparison.Ordinal));
        Assert.Contains("Remind me in 2 weeks", month.Buttons.Select(b => b.Label));

        await AdvanceAsync(h, TimeSpan.FromDays(60));
        var reconnect = Assert.Single(Nudges(h, "ana"), m => m.Text.Contains("You last spoke with bob on 4 March 2026", StringComparison.Ordinal));
        Assert.Equal(3, Nudges(h, "ana").Count);

        // Every nudge went out at 09:00 in Chicago (14:00 or 15:00 UTC around the DST change); the dedup key names the local day.
        Assert.EndsWith("2026-03-05", thanks.DedupKey, StringComparison.Ordinal);
        TestData.Ok(await h.RunAsync("ana", reconnect.Buttons.Single(b => b.Label.StartsWith("We spoke recently", StringComparison.Ordinal)).Command));
        Assert.Equal(h.Clock.GetUtcNow(), (await h.Network().GetContactAsync(CoreHarness.Community, "ana", "bob"))!.LastSpoke);
    }

    [Fact]
    public async Task Several_nudges_due_the_same_morning_are_one_message_and_a_second_pass_sends_nothing()
    {
        await using var h = new CoreHarness();
        await h.MembersAsync("ana", "bob", "cat");
        await h.MetAsync("ana", "bob");
        await h.MetAsync("ana", "cat");

        await AdvanceAsync(h, TimeSpan.FromDays(1));
        await h.GetService<IDueWork>().RunDueAsync(default);

        var one = Assert.Single(Nudges(h, "ana"));
        Assert.Contains("thank bob", one.Text, StringComparison.Ordinal);
        Assert.Contains("thank cat", one.Text, StringComparison.Ordinal);
        Assert.Equal(4, one.Buttons.Count);
    }

    [Fact]
    public async Task A_nudge_due_after_the_days_message_waits_for_the_next_morning()
    {
        await using var h = new CoreHarness();
        await h.MembersAsync("ana", "bob", "cat");
        await h.MetAsync("ana", "bob");
        await AdvanceAsync(h, TimeSpan.FromDays(1));
        Assert.Single(Nudges(h, "ana"));

        // A month-later for cat falls due the same local day the thank-you went out.
        var today = h.Clock.GetUtcNow();
        await h.Network().RecordMeetingAsync(new NetworkContact(CoreHarness.Community, "ana", "cat", "coffee chat, round 0", today.AddMonths(-1), today.AddMonths(-1)));
        await h.Network().ScheduleNudgeAsync(new NetworkNudge(CoreHarness.Community, "ana", "cat", NudgeKind.MonthLater, today));
        await AdvanceAsync(h, TimeSpan.FromHours(2));
        Assert.Single(Nudges(h, "ana"));

        await AdvanceAsync(h, TimeSpan.FromDays(1));
        Assert.Contains("month since you met cat", Nudges(h, "ana")[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nudges_off_stop_about_one_contact_and_a_member_who_left_get_nothing()
    {
        await using var h = new CoreHarness();
        await h.MembersAsync("ana", "bob", "cat");
        await h.MetAsync("ana", "bob");
        await h.MetAsync("cat", "bob");
        TestData.Ok(await h.RunAsync("ana", "/network nudges to:off member:@bob"));
        TestData.Ok(await h.RunAsync("bob", "/network nudges to:off"));
        TestData.Ok(await h.RunAsync("cat", "/coffee leave"));

        await AdvanceAsync(h, TimeSpan.FromDays(100));

        Assert.Empty(Nudges(h, "ana"));
        Assert.Empty(Nudges(h, "bob"));
        Assert.Empty(Nudges(h, "cat"));
    }

    [Fact]
    public async Task A_nudge_is_taken_once_by_overlapping_runs()
    {
        await using var h = new CoreHarness();
        await h.MembersAsync("ana", "bob");
        await h.MetAsync("ana", "bob");
        h.Clock.Advance(TimeSpan.FromDays(1));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => h.GetService<IEnumerable<IDueWork>>().OfType<NetworkDueWork>().Single().RunDueAsync(default)));

        Assert.Single(Nudges(h, "ana"));
    }
}
