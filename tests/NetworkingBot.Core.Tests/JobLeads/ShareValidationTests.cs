using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.JobLeads;

/// <summary>Every bad share is answered with the field and what to do, and changes nothing.</summary>
public sealed class ShareValidationTests : IDisposable
{
    private const string Base = "/job share title:T employer:E type:full-time remote:yes";
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData(Base + " link:javascript:alert(1)", "bad_link_scheme", "`link`")]
    [InlineData(Base + " link:\"data:text/html,<script>alert(1)</script>\"", "bad_link_scheme", "`link`")]
    [InlineData(Base + " link:ftp://example.org/job", "bad_link_scheme", "`link`")]
    [InlineData(Base + " link:https://user:secret@example.org/job", "link_credentials", "`link`")]
    [InlineData(Base + " link:https://10.0.0.1/job", "bad_link_host", "`link`")]
    [InlineData(Base + " link:example.org/job", "bad_link", "`link`")]
    [InlineData(Base + " link:https://example.org/job unposted:yes", "link_on_unposted", "`link`")]
    [InlineData(Base + " link:https://ехаmple.org/job", "mixed_script_host", "Cyrillic and Latin")]
    [InlineData(Base + " link:https://www.αpple.com/jobs", "mixed_script_host", "Greek and Latin")]
    [InlineData(Base + " deadline:2026-03-03", "deadline_past", "`deadline`")]
    [InlineData(Base + " deadline:03/30/2026", "bad_date", "`deadline`")]
    [InlineData(Base + " tags:\"not a tag!\"", "bad_tag", "`tags`")]
    [InlineData("/job share employer:E type:full-time remote:yes", "missing_title", "`title`")]
    [InlineData("/job share title:T type:full-time remote:yes", "missing_employer", "`employer`")]
    [InlineData("/job share title:T employer:E remote:yes", "bad_type", "`type`")]
    [InlineData("/job share title:T employer:E type:full-time", "missing_location", "`location`")]
    [InlineData("/job share title:\"   \" employer:E type:full-time remote:yes", "missing_title", "`title`")]
    [InlineData("/job share title:T employer:E type:gig remote:yes", "bad_choice", "`type`")]
    [InlineData("/job share title:T employer:E type:full-time remote:maybe", "bad_choice", "`remote`")]
    [InlineData(Base + " color:blue", "unknown_option", "color")]
    public async Task Bad_shares_name_the_field_and_change_nothing(string line, string code, string field)
    {
        await _h.BoardAsync();
        var posts = _h.Messenger.Sent.Count;

        var error = TestData.Failed(await _h.RunAsync("ana", line), code);

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Empty(await _h.LeadsAsync());
        Assert.Equal(posts, _h.Messenger.Sent.Count);
    }

    [Fact]
    public async Task A_link_to_a_non_ascii_host_is_stored_and_posted_in_punycode()
    {
        await _h.BoardAsync();

        await _h.ShareAsync("ana", "title:T employer:E type:full-time remote:yes link:\"https://bücher.de/stellen?id=4\u202E2\"");

        var lead = Assert.Single(await _h.LeadsAsync());
        Assert.Equal("https://xn--bcher-kva.de/stellen?id=42", lead.Link);
        Assert.Contains("https://xn--bcher-kva.de/stellen?id=42", _h.Messenger.Sent.Last(m => m.ChannelId == "jobs").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_problems_are_all_listed_at_once()
    {
        await _h.BoardAsync();

        var error = TestData.Failed(await _h.RunAsync("ana", "/job share link:javascript:void(0) deadline:2020-01-01"), "missing_title");

        foreach (var field in new[] { "`title`", "`employer`", "`type`", "`location`", "`link`", "`deadline`" })
        {
            Assert.Contains(field, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("title", 121)]
    [InlineData("employer", 121)]
    [InlineData("location", 101)]
    [InlineData("salary", 81)]
    [InlineData("note", 1001)]
    public async Task Over_long_fields_are_refused_with_the_limit(string field, int length)
    {
        await _h.BoardAsync();
        var options = new Dictionary<string, string> { ["title"] = "T", ["employer"] = "E", ["type"] = "full-time", ["remote"] = "yes", [field] = new string('x', length) };

        var error = TestData.Failed(await _h.RunAsync("ana", "/job share " + string.Join(' ', options.Select(o => $"{o.Key}:\"{o.Value}\""))), field + "_too_long");

        Assert.Contains($"`{field}`", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 100), error.Message, StringComparison.Ordinal);
        Assert.Empty(await _h.LeadsAsync());
    }

    [Fact]
    public async Task Mentions_typed_into_any_field_are_neutralised_before_storing_and_posting()
    {
        await _h.BoardAsync();
        const string Ping = "<@123> <@&456> <!channel> <!subteam^S1> @everyone @here <#789>";

        await _h.ShareAsync("ana", $"title:\"{Ping}\" employer:\"{Ping}\" location:\"{Ping}\" type:full-time salary:\"{Ping}\" note:\"{Ping}\" tags:x");

        var post = Assert.Single(_h.Messenger.ChannelPosts).Text;
        foreach (var raw in new[] { "<@123>", "<@&456>", "<!channel>", "<!subteam", "@everyone", "@here", "<#789>" })
        {
            Assert.DoesNotContain(raw, post, StringComparison.Ordinal);
        }

        Assert.Contains("<@ana>", post, StringComparison.Ordinal);
    }
}
