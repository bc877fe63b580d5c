using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Core.Network;
using NetworkingBot.Core.Tests.JobLeads;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Network;

/// <summary>The month-later nudge about sam names an open job lead that matches sam's interests, and only such a lead.</summary>
public sealed class NudgeLeadTests
{
    /// <summary>ana and sam (interested in <paramref name="samInterests"/>) are coffee members who met a month ago.</summary>
    private static async Task<CoreHarness> MetAMonthAgoAsync(string samInterests = "metadata,oral-history", Action<IServiceCollection>? extra = null)
    {
        var h = new CoreHarness(extra: extra);
        await h.SetUpAsync();
        TestData.Ok(await h.RunAsync("ana", "/coffee join tz:UTC"));
        TestData.Ok(await h.RunAsync("sam", $"/coffee join tz:UTC interests:{samInterests}"));
        await h.BoardAsync();
        var met = h.Clock.GetUtcNow().AddMonths(-1);
        await h.Network().RecordMeetingAsync(new NetworkContact(CoreHarness.Community, "ana", "sam", "coffee chat, round 0", met, met));
        return h;
    }

    /// <summary>Stores a lead shared <paramref name="ago"/> before now, as the store would after a share.</summary>
    private static Task<JobLead> LeadAsync(
        CoreHarness h, string title, string employer, string[] tags, TimeSpan ago,
        JobLeadStatus status = JobLeadStatus.Open, TimeSpan? expiresIn = null, string sharer = "bob")
    {
        var now = h.Clock.GetUtcNow();
        return h.Jobs().AddLeadAsync(new JobLead(
            CoreHarness.Community, 0, title, employer, "Lawrence, KS", false, null, null, null, JobType.FullTime, tags, null, null,
            false, false, sharer, sharer, now - ago, now + (expiresIn ?? TimeSpan.FromDays(30)), status, null, null));
    }

    /// <summary>Schedules the month-later nudge for now and runs the due work once, as the minute job would.</summary>
    private static async Task<string> MonthLaterTextAsync(CoreHarness h)
    {
        await h.Network().ScheduleNudgeAsync(new NetworkNudge(CoreHarness.Community, "ana", "sam", NudgeKind.MonthLater, h.Clock.GetUtcNow()));
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await using var scope = h.GetService<IServiceScopeFactory>().CreateAsyncScope();
        await scope.ServiceProvider.GetServices<IDueWork>().OfType<NetworkDueWork>().Single().RunDueAsync(default);
        var nudge = Assert.Single(h.Messenger.DirectTo("ana"), m => m.DedupKey.StartsWith("network:nudged:", StringComparison.Ordinal));
        Assert.Contains("It's been a month since you met sam", nudge.Text, StringComparison.Ordinal);
        return nudge.Text;
    }

    [Fact]
    public async Task A_shared_lead_tagged_with_an_interest_of_sam_is_named_with_its_show_command()
    {
        await using var h = await MetAMonthAgoAsync();
        var reply = await h.ShareAsync("bob", JobHarness.Lead);
        Assert.Contains("#1", reply.Body, StringComparison.Ordinal);

        var text = await MonthLaterTextAsync(h);

        Assert.Contains(
            "Share something useful: an article, an event, or a lead: job lead #1 Metadata Librarian at Lawrence Public Library (`/job show lead:1`).",
            text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_newest_of_several_matching_leads_is_named()
    {
        await using var h = await MetAMonthAgoAsync();
        await LeadAsync(h, "Oral History Archivist", "Kansas Historical Society", ["oral-history"], TimeSpan.FromDays(10));
        await LeadAsync(h, "Cataloger", "KU Libraries", ["metadata"], TimeSpan.FromDays(2));
        await LeadAsync(h, "Records Manager", "City of Topeka", ["metadata"], TimeSpan.FromDays(5));

        var text = await MonthLaterTextAsync(h);

        Assert.Contains("job lead #2 Cataloger at KU Libraries (`/job show lead:2`)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_title_holding_an_interest_as_whole_words_matches_but_part_of_a_word_does_not()
    {
        await using var h = await MetAMonthAgoAsync(samInterests: "data,oral-history");
        await LeadAsync(h, "Metadata Librarian", "KU Libraries", ["cataloging"], TimeSpan.FromDays(1));
        await LeadAsync(h, "Oral History Project Lead", "Watkins Museum", [], TimeSpan.FromDays(3));

        var text = await MonthLaterTextAsync(h);

        Assert.Contains("job lead #2 Oral History Project Lead at Watkins Museum", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_lead_or_one_past_its_expiry_is_not_named()
    {
        await using var h = await MetAMonthAgoAsync();
        await LeadAsync(h, "Metadata Librarian", "KU Libraries", ["metadata"], TimeSpan.FromDays(1), JobLeadStatus.Filled);
        await LeadAsync(h, "Metadata Specialist", "Johnson County Library", ["metadata"], TimeSpan.FromDays(2), JobLeadStatus.Expired);

        // Open by status, but its expiry passed before the sweep ran.
        await LeadAsync(h, "Metadata Analyst", "State Library", ["metadata"], TimeSpan.FromDays(50), expiresIn: TimeSpan.FromMinutes(-5));

        var text = await MonthLaterTextAsync(h);

        Assert.Equal("It's been a month since you met sam. Share something useful: an article, an event, or a lead.", text);
    }

    [Fact]
    public async Task No_matching_lead_gives_the_text_without_a_lead()
    {
        await using var h = await MetAMonthAgoAsync();
        await LeadAsync(h, "Children's Librarian", "Lawrence Public Library", ["youth-services"], TimeSpan.FromDays(1));

        var text = await MonthLaterTextAsync(h);

        Assert.Equal("It's been a month since you met sam. Share something useful: an article, an event, or a lead.", text);
    }

    [Theory]
    [InlineData("sam")]
    [InlineData("ana")]
    public async Task A_matching_lead_that_sam_or_ana_shared_is_not_named_but_an_older_one_from_someone_else_is(string sharer)
    {
        await using var h = await MetAMonthAgoAsync();
        await LeadAsync(h, "Oral History Archivist", "Kansas Historical Society", ["oral-history"], TimeSpan.FromDays(3));
        await LeadAsync(h, "Metadata Librarian", "KU Libraries", ["metadata"], TimeSpan.FromDays(1), sharer: sharer);

        var text = await MonthLaterTextAsync(h);

        Assert.DoesNotContain("Metadata Librarian", text, StringComparison.Ordinal);
        Assert.Contains("Oral History Archivist at Kansas Historical Society", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_job_leads_finder_registered_the_nudge_goes_out_without_a_lead()
    {
        await using var h = await MetAMonthAgoAsync(extra: s => s.RemoveAll<IUsefulLeadFinder>());
        await LeadAsync(h, "Metadata Librarian", "KU Libraries", ["metadata"], TimeSpan.FromDays(1));

        var text = await MonthLaterTextAsync(h);

        Assert.Equal("It's been a month since you met sam. Share something useful: an article, an event, or a lead.", text);
    }

    [Fact]
    public void Only_the_month_later_text_names_a_lead()
    {
        var spoke = new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);
        var contact = new NetworkContact(CoreHarness.Community, "ana", "sam", "coffee chat, round 0", spoke, spoke);
        var lead = new UsefulLead(1, "Metadata Librarian", "KU Libraries", "/job show lead:1");

        Assert.DoesNotContain("job lead", NudgeTexts.Text(NudgeKind.ThankYou, "sam", contact, lead), StringComparison.Ordinal);
        Assert.DoesNotContain("job lead", NudgeTexts.Text(NudgeKind.Reconnect, "sam", contact, lead), StringComparison.Ordinal);
        Assert.Contains("job lead #1", NudgeTexts.Text(NudgeKind.MonthLater, "sam", contact, lead), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forgotten_sam_is_never_named_and_no_lead_is_offered_about_them()
    {
        await using var h = await MetAMonthAgoAsync();
        await LeadAsync(h, "Metadata Librarian", "KU Libraries", ["metadata"], TimeSpan.FromDays(1));
        await h.Network().ScheduleNudgeAsync(new NetworkNudge(CoreHarness.Community, "ana", "sam", NudgeKind.MonthLater, h.Clock.GetUtcNow()));

        TestData.Ok(await h.RunAsync("sam", "/networking forget-me confirm:yes"));
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await using var scope = h.GetService<IServiceScopeFactory>().CreateAsyncScope();
        foreach (var work in scope.ServiceProvider.GetServices<IDueWork>())
        {
            await work.RunDueAsync(default);
        }

        Assert.DoesNotContain(h.Messenger.DirectTo("ana"), m => m.Text.Contains("sam", StringComparison.Ordinal) || m.Text.Contains("Metadata", StringComparison.Ordinal));
    }
}
