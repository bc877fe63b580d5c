using NetworkingBot.Core.JobLeads;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.JobLeads;

public sealed class ShareTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_valid_lead_is_stored_numbered_and_posted_to_the_jobs_channel_with_its_sharer()
    {
        await _h.BoardAsync();

        var reply = TestData.Ok(await _h.RunAsync("ana", JobHarness.Share + " salary:\"$58k-64k\" deadline:2026-04-01 note:\"Hiring manager is lovely\""));

        Assert.Contains("#1", reply.Body, StringComparison.Ordinal);
        var lead = Assert.Single(await _h.LeadsAsync());
        Assert.Equal((1, JobType.FullTime, "Lawrence, KS"), (lead.Number, lead.Type, lead.Location));
        Assert.Equal(["metadata", "cataloging"], lead.Tags);
        Assert.Equal(new DateTimeOffset(2026, 4, 2, 0, 0, 0, TimeSpan.Zero), lead.ExpiresAt);
        var post = Assert.Single(_h.Messenger.ChannelPosts);
        Assert.Equal("jobs", post.ChannelId);
        foreach (var part in new[] { "Metadata Librarian", "Lawrence Public Library", "full-time", "Apply by: 2026-04-01", "$58k-64k", "metadata, cataloging", "https://example.org/jobs/42", "Hiring manager is lovely", "Shared by <@ana>" })
        {
            Assert.Contains(part, post.Text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(JobTexts.HeadsUp, post.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_unposted_remote_lead_says_heads_up_and_names_nobody()
    {
        await _h.BoardAsync();

        await _h.ShareAsync("ana", "title:Archivist employer:\"Spencer Museum\" type:temporary remote:yes anonymous:yes unposted:yes");

        var post = Assert.Single(_h.Messenger.ChannelPosts).Text;
        Assert.Contains(JobTexts.HeadsUp, post, StringComparison.Ordinal);
        Assert.Contains("Shared anonymously", post, StringComparison.Ordinal);
        Assert.DoesNotContain("ana", post, StringComparison.Ordinal);
        Assert.Contains("Where: remote", post, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sharing_before_an_organiser_set_up_the_board_is_refused()
    {
        TestData.Failed(await _h.RunAsync("ana", JobHarness.Share), "no_board");
        Assert.Empty(await _h.LeadsAsync());
    }

    [Theory]
    [InlineData("https://EXAMPLE.org/jobs/42/?utm_source=list#apply")]
    [InlineData("http://www.example.org/jobs/42")]
    public async Task The_same_posting_by_another_link_spelling_is_a_duplicate_with_a_pointer(string link)
    {
        await _h.BoardAsync();
        await _h.ShareAsync("ana", JobHarness.Lead);

        var error = TestData.Failed(await _h.RunAsync("bob", $"/job share title:\"Other title\" employer:Other type:part-time remote:yes link:{link}"), "duplicate_lead");

        Assert.Contains("#1", error.Message, StringComparison.Ordinal);
        Assert.Single(await _h.LeadsAsync());
        Assert.Single(_h.Messenger.ChannelPosts);
    }

    [Fact]
    public async Task The_same_title_and_employer_within_60_days_is_a_duplicate_but_not_after()
    {
        await _h.BoardAsync();
        await _h.ShareAsync("ana", "title:\"Metadata Librarian\" employer:\"Lawrence Public Library\" type:full-time remote:yes");

        _h.Clock.Advance(TimeSpan.FromDays(59));
        TestData.Failed(await _h.RunAsync("bob", "/job share title:\"metadata  librarian!\" employer:\"LAWRENCE public library\" type:full-time remote:yes"), "duplicate_lead");

        _h.Clock.Advance(TimeSpan.FromDays(2));
        await _h.ShareAsync("bob", "title:\"Metadata Librarian\" employer:\"Lawrence Public Library\" type:full-time remote:yes");
        Assert.Equal(2, (await _h.LeadsAsync()).Count);
    }

    [Fact]
    public async Task A_deadline_is_read_in_the_sharers_time_zone()
    {
        // 12:00 UTC on 4 March is already 5 March in Auckland: the 4th has passed there, not in Chicago.
        await _h.BoardAsync();
        TestData.Ok(await _h.RunAsync("kiri", "/coffee join tz:Pacific/Auckland"));
        TestData.Ok(await _h.RunAsync("cam", "/coffee join tz:America/Chicago"));

        var error = TestData.Failed(await _h.RunAsync("kiri", "/job share title:A employer:B type:volunteer remote:yes deadline:2026-03-04"), "deadline_past");
        Assert.Contains("Pacific/Auckland", error.Message, StringComparison.Ordinal);
        await _h.ShareAsync("cam", "title:A employer:B type:volunteer remote:yes deadline:2026-03-04");

        var lead = Assert.Single(await _h.LeadsAsync());
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 6, 0, 0, TimeSpan.Zero), lead.ExpiresAt);
    }
}
