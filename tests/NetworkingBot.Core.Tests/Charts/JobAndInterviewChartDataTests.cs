using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core.Charts;
using NetworkingBot.Core.Tests.Interviews;
using NetworkingBot.Core.Tests.JobLeads;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Charts;

/// <summary>/job stats' and /interview stats' charts carry what the stores hold, in the right weeks and months.</summary>
public sealed class JobAndInterviewChartDataTests : IDisposable
{
    private readonly RecordingChartRenderer _charts = new();
    private readonly CoreHarness _h;

    public JobAndInterviewChartDataTests() => _h = new CoreHarness(extra: s => s.AddSingleton<IChartRenderer>(_charts));

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Job_stats_chart_counts_leads_per_week_by_type_the_unposted_share_and_subscriptions_in_the_boards_zone()
    {
        // Wednesday 4 March 2026: the board's weeks start on Mondays in Chicago, so this is the week of 2 March.
        await _h.BoardAsync("channel:#jobs digest-day:friday digest-time:09:00 tz:America/Chicago");
        await _h.ShareAsync("ana", JobHarness.Lead);
        await _h.ShareAsync("bob", "title:\"Archivist\" employer:\"Museum\" type:part-time location:Boston unposted:yes");
        TestData.Ok(await _h.RunAsync("cam", "/job subscribe delivery:daily tz:America/Chicago"));
        _h.Clock.Advance(TimeSpan.FromDays(7));
        await _h.ShareAsync("ana", "title:\"Cataloguer\" employer:\"College\" type:full-time location:Chicago link:https://example.org/jobs/43");
        TestData.Ok(await _h.RunAsync("dee", "/job subscribe delivery:instant"));

        var reply = TestData.Ok(await _h.RunAsync("org", "/job stats weeks:3", organiser: true));

        Assert.Equal("job-stats.png", Assert.Single(reply.Files).Name);
        var chart = Assert.Single(_charts.Charts);
        Assert.Equal(["23 Feb", "2 Mar", "9 Mar"], chart.Categories);
        Assert.Equal("Week starting (America/Chicago)", chart.CategoryLabel);
        var byType = chart.Panels[0].Series;
        Assert.Equal(["full-time", "part-time"], byType.Select(s => s.Name));
        Assert.Equal([0.0, 1.0, 1.0], byType[0].Values);
        Assert.Equal([0.0, 1.0, 0.0], byType[1].Values);
        Assert.Equal([0.0, 50.0, 0.0], Assert.Single(chart.Panels[1].Series).Values);
        Assert.Equal([0.0, 1.0, 2.0], Assert.Single(chart.Panels[2].Series).Values);
    }

    [Fact]
    public async Task Interview_stats_answer_with_counts_and_a_chart_of_requests_accepted_happened_and_capacity_used_per_month()
    {
        await _h.OfferAsync("vera", "archives", capacity: 4);
        var first = await _h.RequestAsync("ana", "archives");
        TestData.Ok(await _h.RunAsync("vera", InterviewTestKit.Press(_h.AskTo("vera", first), "Accept")));
        await _h.RequestAsync("bob", "archives");

        var reply = TestData.Ok(await _h.RunAsync("org", "/interview stats months:2", organiser: true));

        Assert.Contains("Interview stats: 2 requests (2 open); 1 accepted, 0 happened.", reply.Body, StringComparison.Ordinal);
        Assert.Contains("Volunteers: 1 active of 1; this month they have accepted 1 of 4 interviews they offer.", reply.Body, StringComparison.Ordinal);
        var chart = Assert.Single(_charts.Charts);
        Assert.Equal(["Feb 2026", "Mar 2026"], chart.Categories);
        var counts = chart.Panels[0].Series;
        Assert.Equal([0.0, 2.0], counts.Single(s => s.Name == "Requested").Values);
        Assert.Equal([0.0, 1.0], counts.Single(s => s.Name == "Accepted").Values);
        Assert.Equal([0.0, 0.0], counts.Single(s => s.Name == "Happened").Values);
        Assert.Equal([0.0, 25.0], Assert.Single(chart.Panels[1].Series).Values);
    }

    [Fact]
    public async Task Interview_stats_are_for_organisers_and_refuse_a_bad_months_value()
    {
        TestData.Failed(await _h.RunAsync("ana", "/interview stats"), "not_organiser");
        TestData.Failed(await _h.RunAsync("org", "/interview stats months:0", organiser: true), "invalid_months");
        TestData.Failed(await _h.RunAsync("org", "/job stats weeks:x", organiser: true), "invalid_weeks");
        Assert.Empty(_charts.Charts);
    }
}
