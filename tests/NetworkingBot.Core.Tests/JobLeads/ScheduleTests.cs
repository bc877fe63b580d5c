using NetworkingBot.Core.JobLeads;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.JobLeads;

/// <summary>Daily digests, the weekly channel digest and expiry, driven by the fake clock.</summary>
public sealed class ScheduleTests : IDisposable
{
    // Wednesday 4 March 2026, 12:00 UTC = 06:00 in Chicago.
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_daily_subscriber_gets_one_digest_at_nine_in_their_zone_and_never_a_lead_twice()
    {
        await _h.BoardAsync();
        TestData.Ok(await _h.RunAsync("cam", "/job subscribe delivery:daily tz:America/Chicago"));
        await _h.ShareAsync("ana", JobHarness.Lead);
        await _h.ShareAsync("ana", "title:Cataloger employer:KU type:part-time remote:yes");
        Assert.Empty(_h.Messenger.DirectMessages);

        _h.Clock.Advance(TimeSpan.FromHours(2.9)); // 08:54 in Chicago
        await _h.TickAsync();
        Assert.Empty(_h.Messenger.DirectMessages);

        _h.Clock.Advance(TimeSpan.FromMinutes(10)); // 09:04
        await _h.TickAsync();
        await _h.TickAsync();
        var digest = Assert.Single(_h.Messenger.DirectTo("cam")).Text;
        Assert.Contains("#1", digest, StringComparison.Ordinal);
        Assert.Contains("#2", digest, StringComparison.Ordinal);

        // Switching to instant and back sends neither lead again.
        TestData.Ok(await _h.RunAsync("cam", "/job subscribe delivery:instant"));
        await _h.ShareAsync("ana", "title:Archivist employer:KU type:temporary remote:yes");
        TestData.Ok(await _h.RunAsync("cam", "/job subscribe delivery:daily tz:America/Chicago"));
        _h.Clock.Advance(TimeSpan.FromDays(1));
        await _h.TickAsync();
        var numbers = _h.Messenger.DirectTo("cam").SelectMany(m => new[] { "#1 ", "#2 ", "#3 " }.Where(n => m.Text.Contains(n, StringComparison.Ordinal))).ToList();
        Assert.Equal(["#1 ", "#2 ", "#3 "], numbers.Order());
    }

    [Fact]
    public async Task The_weekly_digest_posts_the_weeks_open_leads_once_on_the_organisers_day_and_can_be_turned_off()
    {
        await _h.BoardAsync("channel:#jobs digest-day:friday digest-time:16:00 tz:Europe/London");
        await _h.ShareAsync("ana", JobHarness.Lead);
        await _h.ShareAsync("ana", "title:Cataloger employer:KU type:part-time remote:yes");
        TestData.Ok(await _h.RunAsync("ana", "/job close lead:2 reason:withdrawn"));
        _h.Messenger.Clear();

        _h.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(3.9)); // Friday 15:54 in London
        await _h.TickAsync();
        Assert.Empty(_h.Messenger.ChannelPosts);

        _h.Clock.Advance(TimeSpan.FromMinutes(10));
        await _h.TickAsync();
        await _h.TickAsync();
        var digest = Assert.Single(_h.Messenger.ChannelPosts);
        Assert.Equal("jobs", digest.ChannelId);
        Assert.Contains("#1 **Metadata Librarian**", digest.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("#2", digest.Text, StringComparison.Ordinal);

        await _h.BoardAsync("digest-day:off");
        _h.Clock.Advance(TimeSpan.FromDays(7));
        await _h.ShareAsync("ana", "title:Archivist employer:KU type:temporary remote:yes");
        _h.Messenger.Clear();
        _h.Clock.Advance(TimeSpan.FromDays(7));
        await _h.TickAsync();
        Assert.Empty(_h.Messenger.ChannelPosts);
    }

    [Fact]
    public async Task Leads_expire_after_their_deadline_or_after_the_configured_days_and_leave_the_list()
    {
        using var h = new CoreHarness();
        await h.BoardAsync();
        await h.ShareAsync("ana", "title:A employer:B type:full-time remote:yes deadline:2026-03-10");
        await h.ShareAsync("ana", "title:C employer:D type:full-time remote:yes");

        h.Clock.Advance(TimeSpan.FromDays(6.4)); // 10 March, 21:36 UTC: the deadline day is not over
        await h.TickAsync();
        Assert.All(await h.LeadsAsync(), l => Assert.Equal(JobLeadStatus.Open, l.Status));

        h.Clock.Advance(TimeSpan.FromHours(3));
        await h.TickAsync();
        await h.TickAsync();
        Assert.Equal(JobLeadStatus.Expired, (await h.Jobs().GetLeadAsync(CoreHarness.Community, 1))!.Status);
        Assert.StartsWith("**Expired: job lead #1,", Assert.Single(h.Messenger.Edits).Replacement.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Messenger.ChannelPosts, p => p.Text.Contains("is closed", StringComparison.Ordinal));
        Assert.DoesNotContain("#1 ", TestData.Ok(await h.RunAsync("bob", "/job list")).Body, StringComparison.Ordinal);

        h.Clock.Advance(TimeSpan.FromDays(39));
        await h.TickAsync();
        Assert.Equal(JobLeadStatus.Expired, (await h.Jobs().GetLeadAsync(CoreHarness.Community, 2))!.Status);
    }

    [Fact]
    public async Task The_expiry_period_is_configurable()
    {
        using var h = new CoreHarness();
        h.GetService<Microsoft.Extensions.Options.IOptions<JobOptions>>().Value.ExpiryDays = 10;
        await h.BoardAsync();
        await h.ShareAsync("ana", "title:C employer:D type:full-time remote:yes");

        h.Clock.Advance(TimeSpan.FromDays(10));
        await h.TickAsync();

        Assert.Equal(JobLeadStatus.Expired, Assert.Single(await h.LeadsAsync()).Status);
    }
}
