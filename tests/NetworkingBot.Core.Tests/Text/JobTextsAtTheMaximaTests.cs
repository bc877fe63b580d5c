using NetworkingBot.Core.JobLeads;
using static NetworkingBot.Testing.Builders.AtTheMaxima;

namespace NetworkingBot.Core.Tests.Text;

/// <summary>
/// A lead with every field at its maximum still makes one readable message: the card and the subscriber DM stay
/// within <see cref="OneMessage"/> (Discord's 2,000-character content, the strictest single message; Slack's
/// 3,000-character section leaves half as much again for its escaping), quote the note in part with a pointer to
/// <c>/job show</c>, and keep every name, the link and the facts whole.
/// </summary>
public sealed class JobTextsAtTheMaximaTests
{
    /// <summary>
    /// /job show is a private answer meant to be read in full: at most two Discord messages, and well inside the
    /// 12,000 characters Slack's renderer gives one message.
    /// </summary>
    private const int DetailsBound = 3000;

    public static TheoryData<string> Cards() => ["post", "instant"];

    [Theory]
    [MemberData(nameof(Cards))]
    public void A_card_at_every_maximum_fits_one_message_and_keeps_everything_a_reader_acts_on(string kind)
    {
        var lead = Lead();
        var text = kind == "post" ? JobTexts.Post(lead) : JobTexts.Instant(lead);

        Assert.True(text.Length <= OneMessage, $"{kind}: {text.Length} characters");
        foreach (var whole in new[] { lead.Title, lead.Employer, lead.Location!, lead.Salary!, lead.Link!, string.Join(", ", lead.Tags), "Apply by: 2028-03-04", JobTexts.HeadsUp })
        {
            Assert.Contains(whole, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("NOTE-END", text, StringComparison.Ordinal);
        Assert.Contains("(the whole note: `/job show lead:2147483647`)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_card_quotes_the_opening_of_a_long_note_on_a_few_lines_and_says_there_is_more()
    {
        var lead = Lead();

        var noteLine = JobTexts.Post(lead).Split('\n').SkipWhile(l => !l.StartsWith("Note: ", StringComparison.Ordinal)).ToList();
        var quoted = string.Join('\n', noteLine)[6..];
        quoted = quoted[..quoted.IndexOf(" (the whole note", StringComparison.Ordinal)];

        Assert.EndsWith("…", quoted, StringComparison.Ordinal);
        Assert.True(quoted.Length <= JobTexts.NoteExcerpt, $"{quoted.Length} characters");
        Assert.True(quoted.Count(c => c == '\n') < JobTexts.NoteExcerptLines);
        Assert.StartsWith(quoted[..^1].TrimEnd(), lead.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void The_post_names_its_sharer_or_says_it_is_anonymous_at_the_maxima()
    {
        Assert.EndsWith($"Shared by <@{UserId}> · `/job list` for more, `/job subscribe` to hear of leads like this", JobTexts.Post(Lead()), StringComparison.Ordinal);
        Assert.Contains("Shared anonymously", JobTexts.Post(Lead(anonymous: true)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_note_that_fits_is_quoted_whole_without_a_pointer()
    {
        var lead = Lead() with { Note = "Hiring manager is lovely.\nAsk about the digitisation project." };

        var post = JobTexts.Post(lead);

        Assert.Contains("Note: Hiring manager is lovely.\nAsk about the digitisation project.\n", post, StringComparison.Ordinal);
        Assert.DoesNotContain("/job show", post, StringComparison.Ordinal);
    }

    [Fact]
    public void Job_show_has_the_whole_note_and_every_field()
    {
        var lead = Lead();
        var text = JobTexts.Details(lead, TimeZoneInfo.Utc);

        Assert.True(text.Length <= DetailsBound, $"{text.Length} characters");
        foreach (var whole in new[] { lead.Title, lead.Employer, lead.Location!, lead.Salary!, lead.Link!, lead.Note!, $"Shared by <@{UserId}> on 2026-03-04" })
        {
            Assert.Contains(whole, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(JobLeadStatus.Filled)]
    [InlineData(JobLeadStatus.Expired)]
    [InlineData(JobLeadStatus.Withdrawn)]
    public void A_closed_lead_at_every_maximum_fits_one_message_and_keeps_its_names(JobLeadStatus status)
    {
        var lead = Lead(status: status);

        foreach (var text in new[] { JobTexts.ClosedPost(lead, TimeZoneInfo.Utc), JobTexts.Closed(lead), JobTexts.Details(lead, TimeZoneInfo.Utc) })
        {
            Assert.True(text.Length <= OneMessage, $"{text.Length} characters");
            Assert.Contains(lead.Title, text, StringComparison.Ordinal);
            Assert.Contains(lead.Employer, text, StringComparison.Ordinal);
            Assert.DoesNotContain("NOTE-END", text, StringComparison.Ordinal);
        }
    }
}
