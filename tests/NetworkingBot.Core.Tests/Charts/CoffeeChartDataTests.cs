using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core.Charts;
using NetworkingBot.Core.Commands;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Charts;

/// <summary>/coffee stats' chart carries the same figures as its text: checked on the data, not the pixels.</summary>
public sealed class CoffeeChartDataTests : IDisposable
{
    private readonly RecordingChartRenderer _charts = new();
    private readonly CoreHarness _h;

    public CoffeeChartDataTests() => _h = new CoreHarness(extra: s => s.AddSingleton<IChartRenderer>(_charts));

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task The_chart_shows_each_rounds_members_outcomes_and_repeats_as_the_stats_count_them()
    {
        await PlayTwoRoundsAsync();

        var reply = TestData.Ok(await _h.RunAsync("org", "/coffee stats", organiser: true));

        Assert.Equal(["coffee-stats.png", "network-stats.png"], reply.Files.Select(f => f.Name));
        Assert.All(reply.Files, f => Assert.Equal(reply.Body, f.AltText));
        var chart = _charts.Charts[0];
        Assert.Equal(["#1 4 Mar", "#2 11 Mar"], chart.Categories);
        Assert.Equal("Round and date (UTC)", chart.CategoryLabel);
        var who = chart.Panels[0].Series;
        Assert.Equal([4.0, 4.0], Values(who, "Paired"));
        Assert.Equal([1.0, 1.0], Values(who, "Sat out (paused or skipping)"));
        Assert.Equal([0.0, 2.0], Values(who, "Repeat pairs"));
        var how = chart.Panels[1];
        Assert.True(how.Percent);
        Assert.Equal(ChartKind.StackedBars, how.Kind);
        Assert.Equal([50.0, 0.0], Values(how.Series, "Met"));
        Assert.Equal([0.0, 0.0], Values(how.Series, "Scheduled"));
        Assert.Equal([50.0, 0.0], Values(how.Series, "Did not meet"));
        Assert.Equal([0.0, 100.0], Values(how.Series, "No answer"));
        Assert.Contains("Groups that met: 1 of 4 (25%)", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rounds_picks_how_many_recent_rounds_the_chart_shows_dated_in_the_programs_zone()
    {
        // Round 2 is at 12:00 UTC on 11 March, already 01:00 on 12 March in Auckland.
        await PlayTwoRoundsAsync("day:monday time:09:00 tz:Pacific/Auckland");

        TestData.Ok(await _h.RunAsync("org", "/coffee stats rounds:1", organiser: true));

        var chart = _charts.Charts[0];
        Assert.Equal(["#2 12 Mar"], chart.Categories);
        Assert.Equal("Round and date (Pacific/Auckland)", chart.CategoryLabel);
    }

    [Fact]
    public async Task The_network_chart_counts_people_met_and_introductions_made_per_month()
    {
        // bob said "met" for round 1, so ana and bob each have the other in their log from 4 March; dan introduces ana to eve.
        await PlayTwoRoundsAsync();
        TestData.Ok(await _h.RunAsync("dan", "/intro first:@ana second:@eve because:\"you both love archives\""));

        TestData.Ok(await _h.RunAsync("org", "/coffee stats", organiser: true));

        var network = _charts.Charts.Single(c => c.FileName == "network-stats.png");
        Assert.Equal(["Jan 2026", "Feb 2026", "Mar 2026"], network.Categories);
        var panel = Assert.Single(network.Panels);
        Assert.Equal([0.0, 0.0, 1.0], panel.Series.Single(s => s.Name == "Introductions made").Values);

        // ana's and bob's entries for each other; the introduction enters ana's and eve's logs only once they answer it.
        Assert.Equal([0.0, 0.0, 2.0], panel.Series.Single(s => s.Name == "People met (new log entries)").Values);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("53")]
    [InlineData("ten")]
    [InlineData("-3")]
    public async Task A_bad_rounds_value_is_refused_with_the_range_and_draws_nothing(string value)
    {
        await PlayTwoRoundsAsync();
        var before = _h.Store.RoundsOf(CoreHarness.Community).Count;

        var error = TestData.Failed(await _h.RunAsync("org", $"/coffee stats rounds:{value}", organiser: true), "invalid_rounds");

        Assert.Contains("from 1 to 52", error.Message, StringComparison.Ordinal);
        Assert.Empty(_charts.Charts);
        Assert.Equal(before, _h.Store.RoundsOf(CoreHarness.Community).Count);
    }

    [Fact]
    public async Task Without_rounds_the_answer_is_text_only()
    {
        await _h.SetUpAsync();

        var reply = TestData.Ok(await _h.RunAsync("org", "/coffee stats", organiser: true));

        Assert.Empty(reply.Files);
        Assert.Empty(_charts.Charts);
    }

    private static IReadOnlyList<double> Values(IReadOnlyList<ChartSeries> series, string name) => series.Single(s => s.Name == name).Values;

    /// <summary>Two rounds of ana+bob and cat+dan while eve is paused; round 1 gets a "met" and a "not this time".</summary>
    private async Task PlayTwoRoundsAsync(string program = "day:monday time:09:00 tz:UTC")
    {
        await _h.SetUpAsync(program);
        await _h.JoinAsync("ana", "bob", "cat", "dan", "eve");
        TestData.Ok(await _h.RunAsync("eve", "/coffee pause weeks:3"));
        TestData.Ok(await _h.RunAsync("org", "/coffee pair-now", organiser: true));
        var first = _h.Store.RoundsOf(CoreHarness.Community)[0];
        TestData.Ok(await _h.RunAsync("bob", $"/coffee checkin round:{first.RoundId} answer:met"));
        TestData.Ok(await _h.RunAsync("cat", $"/coffee checkin round:{first.RoundId} answer:not-this-time"));
        _h.Clock.Advance(TimeSpan.FromDays(7));
        TestData.Ok(await _h.RunAsync("org", "/coffee pair-now", organiser: true));
    }
}
