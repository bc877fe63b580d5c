using NetworkingBot.Core.JobLeads;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.JobLeads;

/// <summary>/job show: where the whole of a note the card quoted in part is read.</summary>
public sealed class ShowTests : IDisposable
{
    private static readonly string LongNote = string.Join(' ', Enumerable.Repeat("The team digitises the local newspaper archive.", 19)) + " Ask for Sam.";

    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_long_note_is_quoted_in_part_on_the_card_and_whole_by_job_show()
    {
        await _h.BoardAsync();
        await _h.ShareAsync("ana", JobHarness.Lead + $" note:\"{LongNote}\"");

        var post = Assert.Single(_h.Messenger.ChannelPosts).Text;
        Assert.DoesNotContain("Ask for Sam.", post, StringComparison.Ordinal);
        Assert.Contains("… (the whole note: `/job show lead:1`)", post, StringComparison.Ordinal);

        var shown = TestData.Ok(await _h.RunAsync("bob", "/job show lead:#1")).Body;

        Assert.Contains("Note: " + LongNote, shown, StringComparison.Ordinal);
        foreach (var part in new[] { "Metadata Librarian", "Lawrence Public Library", "https://example.org/jobs/42", "Shared by <@ana> on 2026-03-04" })
        {
            Assert.Contains(part, shown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_closed_lead_is_shown_in_its_closed_form_without_link_or_note()
    {
        await _h.BoardAsync();
        await _h.ShareAsync("ana", JobHarness.Lead + $" note:\"{LongNote}\"");
        TestData.Ok(await _h.RunAsync("ana", "/job close lead:1 reason:filled"));

        var shown = TestData.Ok(await _h.RunAsync("bob", "/job show lead:1")).Body;

        Assert.StartsWith("**Filled: job lead #1, Metadata Librarian**", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("example.org", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("newspaper", shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/job show lead:twelve", "bad_number", "`lead` must be a lead's number, like `12`")]
    [InlineData("/job show lead:0", "bad_number", "`lead` must be a lead's number, like `12`")]
    [InlineData("/job show lead:99999999999", "bad_number", "`lead` must be a lead's number, like `12`")]
    [InlineData("/job show lead:7", "no_lead", "There is no lead #7 here.")]
    public async Task A_bad_or_unknown_number_is_answered_clearly_and_changes_nothing(string line, string code, string says)
    {
        await _h.BoardAsync();
        await _h.ShareAsync("ana", JobHarness.Lead);
        var before = string.Join('|', (await _h.LeadsAsync()).Select(l => l.ToString()));
        var sent = _h.Messenger.Sent.Count;

        var error = TestData.Failed(await _h.RunAsync("bob", line), code);

        Assert.Contains(says, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, string.Join('|', (await _h.LeadsAsync()).Select(l => l.ToString())));
        Assert.Equal(sent, _h.Messenger.Sent.Count);
    }
}
