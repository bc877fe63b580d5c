using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.JobLeads;

/// <summary>
/// A closed lead's channel post is edited in place (closing and expiry alike); a follow-up post stands in only
/// where there is no post to edit. The harness starts Wednesday 4 March 2026, 12:00 UTC.
/// </summary>
public sealed class ClosedPostTests : IDisposable
{
    private const string Linked = JobHarness.Lead + " note:\"Ask for Kim @everyone\"";
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    private Task<JobLead?> LeadAsync(int number) => _h.Jobs().GetLeadAsync(CoreHarness.Community, number);

    [Fact]
    public async Task Sharing_keeps_the_posts_reference_and_closing_edits_that_post_instead_of_posting_again()
    {
        await _h.BoardAsync("channel:#jobs digest-day:off tz:America/Chicago");
        await _h.ShareAsync("ana", Linked);
        var post = Assert.Single(_h.Messenger.ChannelPosts);
        var postRef = (await LeadAsync(1))!.PostRef;
        Assert.Equal("post:0", postRef);

        _h.Clock.Advance(TimeSpan.FromHours(16)); // 04:00 UTC on 5 March is still 4 March in Chicago
        var reply = TestData.Ok(await _h.RunAsync("ana", "/job close lead:1 reason:filled"));

        Assert.Contains("marked in the channel", reply.Body, StringComparison.Ordinal);
        Assert.Same(post, Assert.Single(_h.Messenger.ChannelPosts));
        var edit = Assert.Single(_h.Messenger.Edits);
        Assert.Equal(postRef, edit.PostRef);
        Assert.Equal(MessageKind.Channel, edit.Replacement.Kind);
        Assert.True(edit.Replacement.Card);
        var text = edit.Replacement.Text;
        Assert.StartsWith("**Filled: job lead #1, Metadata Librarian** — Lawrence Public Library\nClosed 2026-03-04: the position has been filled.\n", text, StringComparison.Ordinal);
        Assert.Contains("Where: Lawrence, KS · Type: full-time", text, StringComparison.Ordinal);
        Assert.Contains("Shared by <@ana>", text, StringComparison.Ordinal);
        // Nothing to apply through: the link goes, and so does the note.
        Assert.DoesNotContain("https://example.org/jobs/42", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kim", text, StringComparison.Ordinal);
        Assert.Equal(JobLeadStatus.Filled, (await LeadAsync(1))!.Status);
        Assert.Equal(postRef, (await LeadAsync(1))!.PostRef);
    }

    [Theory]
    [InlineData("withdrawn", "**Withdrawn: job lead #1", "withdrawn; it is no longer taking applications.")]
    [InlineData("expired", "**Expired: job lead #1", "Closed 2026-03-04: expired.")]
    public async Task Each_reason_leads_the_edited_post(string reason, string title, string why)
    {
        await _h.BoardAsync();
        await _h.ShareAsync("ana", JobHarness.Lead + " anonymous:yes");

        TestData.Ok(await _h.RunAsync("org", $"/job close lead:1 reason:{reason}", organiser: true));

        var text = Assert.Single(_h.Messenger.Edits).Replacement.Text;
        Assert.StartsWith(title, text, StringComparison.Ordinal);
        Assert.Contains(why, text, StringComparison.Ordinal);
        Assert.Contains("Shared anonymously", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<@", text, StringComparison.Ordinal);
        Assert.Single(_h.Messenger.ChannelPosts);
    }

    [Fact]
    public async Task Expiry_edits_each_post_saying_why_and_posts_nothing_new()
    {
        await _h.BoardAsync("channel:#jobs digest-day:off tz:UTC");
        await _h.ShareAsync("ana", "title:A employer:B type:full-time remote:yes deadline:2026-03-10");
        await _h.ShareAsync("ana", "title:C employer:D type:full-time remote:yes");
        var refs = new[] { (await LeadAsync(1))!.PostRef, (await LeadAsync(2))!.PostRef };

        _h.Clock.Advance(TimeSpan.FromDays(7)); // 11 March: lead 1's deadline has passed
        await _h.TickAsync();
        await _h.TickAsync();
        _h.Clock.Advance(TimeSpan.FromDays(38)); // 18 April: 45 days after lead 2 was shared
        await _h.TickAsync();

        Assert.Equal(2, _h.Messenger.ChannelPosts.Count);
        Assert.Equal(refs, _h.Messenger.Edits.Select(e => e.PostRef));
        var (first, second) = (_h.Messenger.Edits[0].Replacement.Text, _h.Messenger.Edits[1].Replacement.Text);
        Assert.StartsWith("**Expired: job lead #1, A** — B\nClosed 2026-03-11: its deadline (2026-03-10) has passed.", first, StringComparison.Ordinal);
        Assert.StartsWith("**Expired: job lead #2, C** — D\nClosed 2026-04-18: leads close 45 days after they are shared.", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_post_gets_a_follow_up_instead()
    {
        await _h.BoardAsync();
        await _h.ShareAsync("ana", JobHarness.Lead);
        _h.Messenger.DeletedPosts.Add((await LeadAsync(1))!.PostRef!);

        TestData.Ok(await _h.RunAsync("ana", "/job close lead:1 reason:filled"));

        Assert.Empty(_h.Messenger.Edits);
        var followUp = _h.Messenger.ChannelPosts[^1];
        Assert.Equal(2, _h.Messenger.ChannelPosts.Count);
        Assert.Equal("jobs", followUp.ChannelId);
        Assert.Equal("Lead #1 **Metadata Librarian** — Lawrence Public Library is closed: filled.", followUp.Text);
    }

    [Fact]
    public async Task Where_the_platform_cannot_edit_no_reference_is_kept_and_closing_and_expiry_post_follow_ups()
    {
        _h.Messenger.CanEdit = false;
        await _h.BoardAsync();
        await _h.ShareAsync("ana", JobHarness.Lead);
        await _h.ShareAsync("ana", "title:A employer:B type:full-time remote:yes deadline:2026-03-10");
        Assert.All(await _h.LeadsAsync(), l => Assert.Null(l.PostRef));

        TestData.Ok(await _h.RunAsync("ana", "/job close lead:1 reason:withdrawn"));
        _h.Clock.Advance(TimeSpan.FromDays(7));
        await _h.TickAsync();

        Assert.Empty(_h.Messenger.Edits);
        Assert.Equal(
            ["Lead #1 **Metadata Librarian** — Lawrence Public Library is closed: withdrawn.", "Lead #2 **A** — B is closed: expired. (its deadline (2026-03-10) has passed)"],
            _h.Messenger.ChannelPosts.Skip(2).Select(p => p.Text));
    }

    [Fact]
    public async Task A_lead_without_a_reference_gets_a_follow_up_even_where_edits_work()
    {
        await _h.BoardAsync();
        await _h.ShareAsync("ana", JobHarness.Lead);
        var lead = (await LeadAsync(1))!;
        await _h.Jobs().UpdateLeadAsync(lead with { PostRef = null }); // shared before posts kept their reference

        TestData.Ok(await _h.RunAsync("ana", "/job close lead:1"));

        Assert.Empty(_h.Messenger.Edits);
        Assert.Contains("is closed: filled.", _h.Messenger.ChannelPosts[^1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bob", "/job close lead:1", "not_yours")]
    [InlineData("ana", "/job close lead:9", "no_lead")]
    [InlineData("ana", "/job close lead:one", "bad_number")]
    [InlineData("ana", "/job close lead:1 reason:hired", "bad_choice")]
    [InlineData("ana", "/job close lead:1 reason:filled extra:yes", "unknown_option")]
    public async Task Bad_input_on_close_changes_nothing_and_edits_nothing(string user, string line, string code)
    {
        await _h.BoardAsync();
        await _h.ShareAsync("ana", JobHarness.Lead);
        var before = await LeadAsync(1);
        _h.Messenger.Clear();

        TestData.Failed(await _h.RunAsync(user, line), code);

        Assert.Empty(_h.Messenger.Sent);
        Assert.Empty(_h.Messenger.Edits);
        Assert.Equal(before, await LeadAsync(1));
    }

    [Fact]
    public async Task Closing_twice_edits_once()
    {
        await _h.BoardAsync();
        await _h.ShareAsync("ana", JobHarness.Lead);
        TestData.Ok(await _h.RunAsync("ana", "/job close lead:1"));

        TestData.Failed(await _h.RunAsync("org", "/job close lead:1 reason:withdrawn", organiser: true), "already_closed");
        await _h.TickAsync();

        Assert.Single(_h.Messenger.Edits);
        Assert.Single(_h.Messenger.ChannelPosts);
    }

    [Fact]
    public async Task A_platform_failing_during_expiry_leaves_the_lead_open_and_the_next_sweep_marks_its_post()
    {
        await _h.BoardAsync("channel:#jobs digest-day:off tz:UTC");
        await _h.ShareAsync("ana", "title:A employer:B type:full-time remote:yes deadline:2026-03-10");
        _h.Clock.Advance(TimeSpan.FromDays(7));
        _h.Messenger.FailAfter(0);

        await _h.TickAsync();

        Assert.Equal(JobLeadStatus.Open, (await LeadAsync(1))!.Status);
        Assert.Empty(_h.Messenger.Edits);

        _h.Messenger.StopFailing();
        await _h.TickAsync();

        Assert.Equal(JobLeadStatus.Expired, (await LeadAsync(1))!.Status);
        Assert.StartsWith("**Expired: job lead #1, A**", Assert.Single(_h.Messenger.Edits).Replacement.Text, StringComparison.Ordinal);
        Assert.Single(_h.Messenger.ChannelPosts);
    }

    [Fact]
    public async Task A_platform_failing_during_a_close_leaves_the_lead_open_so_closing_again_works()
    {
        await _h.BoardAsync();
        await _h.ShareAsync("ana", JobHarness.Lead);
        _h.Messenger.FailAfter(0);

        TestData.Failed(await _h.RunAsync("ana", "/job close lead:1 reason:filled"), "internal_error");
        Assert.Equal(JobLeadStatus.Open, (await LeadAsync(1))!.Status);

        _h.Messenger.StopFailing();
        TestData.Ok(await _h.RunAsync("ana", "/job close lead:1 reason:filled"));

        Assert.Equal(JobLeadStatus.Filled, (await LeadAsync(1))!.Status);
        Assert.Single(_h.Messenger.Edits);
    }

    [Fact]
    public async Task Forget_me_redraws_the_members_posts_without_their_name()
    {
        await _h.BoardAsync();
        await _h.ShareAsync("ana", JobHarness.Lead);
        await _h.ShareAsync("ana", "title:A employer:B type:full-time remote:yes");
        await _h.ShareAsync("bob", "title:C employer:D type:full-time remote:yes");
        TestData.Ok(await _h.RunAsync("ana", "/job close lead:2 reason:filled"));
        _h.Messenger.Clear();

        TestData.Ok(await _h.RunAsync("ana", "/networking forget-me confirm:yes"));

        var edits = _h.Messenger.Edits;
        Assert.Equal([(await LeadAsync(1))!.PostRef, (await LeadAsync(2))!.PostRef], edits.Select(e => e.PostRef));
        Assert.All(edits, e => Assert.Contains("Shared anonymously", e.Replacement.Text, StringComparison.Ordinal));
        Assert.All(edits, e => Assert.DoesNotContain("<@ana>", e.Replacement.Text, StringComparison.Ordinal));
        Assert.StartsWith("**Filled: job lead #2, A**", edits[1].Replacement.Text, StringComparison.Ordinal);
        Assert.Empty(_h.Messenger.ChannelPosts);
    }
}
