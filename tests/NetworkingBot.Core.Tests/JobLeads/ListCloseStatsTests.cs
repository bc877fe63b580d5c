using NetworkingBot.Core.Commands;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.JobLeads;

public sealed class ListCloseStatsTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    private async Task SevenLeadsAsync()
    {
        await _h.BoardAsync();
        for (var i = 1; i <= 7; i++)
        {
            var place = i % 2 == 0 ? "remote:yes" : "location:\"Kansas City\"";
            var type = i == 7 ? "internship" : "full-time";
            await _h.ShareAsync("ana", $"title:Job{i} employer:E{i} type:{type} {place} tags:{(i <= 3 ? "archives" : "metadata")} {(i == 5 ? "unposted:yes" : "")}");
            _h.Clock.Advance(TimeSpan.FromMinutes(1));
        }
    }

    [Fact]
    public async Task The_list_is_newest_first_paginated_with_a_next_page_button()
    {
        await SevenLeadsAsync();

        var first = TestData.Ok(await _h.RunAsync("bob", "/job list"));
        Assert.StartsWith("Open job leads (7), newest first — page 1 of 2", first.Body, StringComparison.Ordinal);
        Assert.True(first.Body.IndexOf("#7", StringComparison.Ordinal) < first.Body.IndexOf("#3", StringComparison.Ordinal));
        Assert.DoesNotContain("#2 ", first.Body, StringComparison.Ordinal);
        var next = Assert.Single(first.Buttons);

        var second = TestData.Ok(await _h.RunAsync("bob", next.Command));
        Assert.Contains("#2 ", second.Body, StringComparison.Ordinal);
        Assert.Contains("#1 ", second.Body, StringComparison.Ordinal);
        Assert.Empty(second.Buttons);
        TestData.Failed(await _h.RunAsync("bob", "/job list page:3"), "bad_page");
    }

    [Theory]
    [InlineData("tag:archives", new[] { 3, 2, 1 })]
    [InlineData("location:kansas", new[] { 7, 5, 3, 1 })]
    [InlineData("type:internship", new[] { 7 })]
    [InlineData("remote:yes tag:metadata", new[] { 6, 4 })]
    public async Task Filters_combine(string filters, int[] expected)
    {
        await SevenLeadsAsync();
        _h.GetService<Microsoft.Extensions.Options.IOptions<JobOptions>>().Value.PageSize = 10;

        var body = TestData.Ok(await _h.RunAsync("bob", "/job list " + filters)).Body;

        var shown = Enumerable.Range(1, 7).Where(n => body.Contains($"#{n} ", StringComparison.Ordinal)).OrderDescending();
        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task Only_the_sharer_or_an_organiser_closes_a_lead_and_its_post_is_marked()
    {
        await SevenLeadsAsync();
        _h.Messenger.Clear();

        TestData.Failed(await _h.RunAsync("bob", "/job close lead:1"), "not_yours");
        TestData.Failed(await _h.RunAsync("ana", "/job close lead:99"), "no_lead");
        TestData.Failed(await _h.RunAsync("ana", "/job close lead:x"), "bad_number");
        Assert.Empty(_h.Messenger.Sent);

        TestData.Ok(await _h.RunAsync("ana", "/job close lead:1 reason:filled"));
        TestData.Ok(await _h.RunAsync("org", "/job close lead:#2 reason:withdrawn", organiser: true));
        TestData.Failed(await _h.RunAsync("ana", "/job close lead:1"), "already_closed");

        Assert.Equal(JobLeadStatus.Filled, (await _h.Jobs().GetLeadAsync(CoreHarness.Community, 1))!.Status);
        Assert.Equal(JobLeadStatus.Withdrawn, (await _h.Jobs().GetLeadAsync(CoreHarness.Community, 2))!.Status);
        Assert.Empty(_h.Messenger.ChannelPosts);
        Assert.Equal(2, _h.Messenger.Edits.Count);
        Assert.StartsWith("**Filled: job lead #1,", _h.Messenger.Edits[0].Replacement.Text, StringComparison.Ordinal);
        Assert.StartsWith("**Withdrawn: job lead #2,", _h.Messenger.Edits[1].Replacement.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_count_leads_by_type_unposted_share_and_subscriptions_for_organisers_only()
    {
        await SevenLeadsAsync();
        TestData.Ok(await _h.RunAsync("bob", "/job subscribe delivery:daily"));
        TestData.Ok(await _h.RunAsync("cy", "/job subscribe"));
        TestData.Ok(await _h.RunAsync("ana", "/job close lead:1 reason:filled"));

        TestData.Failed(await _h.RunAsync("bob", "/job stats"), "not_organiser");
        var stats = TestData.Ok(await _h.RunAsync("org", "/job stats", organiser: true)).Body;

        Assert.Contains("7 leads shared (open 6, filled 1)", stats, StringComparison.Ordinal);
        Assert.Contains("full-time 6, internship 1", stats, StringComparison.Ordinal);
        Assert.Contains("Unposted heads-ups: 1 of 7 (14%)", stats, StringComparison.Ordinal);
        Assert.Contains("Subscriptions: 2 (1 instant, 1 daily)", stats, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_job_commands_and_setup_is_for_organisers()
    {
        var help = TestData.Ok(await _h.RunAsync("bob", "/job help")).Body;
        foreach (var name in new[] { "share", "list", "close", "subscribe", "subscriptions", "unsubscribe" })
        {
            Assert.Contains($"`/job {name}`", help, StringComparison.Ordinal);
        }

        Assert.Contains("/job help", TestData.Ok(await _h.RunAsync("bob", "help")).Body, StringComparison.Ordinal);
        TestData.Failed(await _h.RunAsync("bob", "/job setup channel:#jobs"), "not_organiser");
        TestData.Failed(await _h.RunAsync("org", "/job setup digest-time:25:00", organiser: true), "bad_time");
        Assert.Null(await _h.Jobs().GetBoardAsync(CoreHarness.Community));
        Assert.All(_h.GetService<CommandCatalog>().SpecsOf("job"), s => Assert.True(s.Usage.Length > 0));
    }
}
