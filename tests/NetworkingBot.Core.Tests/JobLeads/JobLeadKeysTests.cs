using NetworkingBot.Core.JobLeads;

namespace NetworkingBot.Core.Tests.JobLeads;

public sealed class JobLeadKeysTests
{
    [Theory]
    [InlineData("https://www.Example.org/jobs/42/", "example.org/jobs/42")]
    [InlineData("http://example.org/jobs/42?utm_source=x&id=7&fbclid=1#top", "example.org/jobs/42?id=7")]
    [InlineData("https://example.org:8443/a?b=2&a=1", "example.org:8443/a?a=1&b=2")]
    public void Links_normalise_to_what_identifies_the_posting(string link, string key) =>
        Assert.Equal(key, JobLeadKeys.Link(new Uri(link)));

    [Fact]
    public async Task Stored_links_cannot_break_out_of_platform_link_markup()
    {
        using var h = new NetworkingBot.Testing.Fakes.CoreHarness();
        await h.BoardAsync();

        await h.ShareAsync("ana", "title:T employer:E type:full-time remote:yes link:\"https://example.org/a>b|c<d\"");

        var link = Assert.Single(await h.LeadsAsync()).Link!;
        Assert.StartsWith("https://example.org/a", link, StringComparison.Ordinal);
        Assert.DoesNotContain('>', link);
        Assert.DoesNotContain('|', link);
        Assert.DoesNotContain('<', link);
    }

    [Fact]
    public void Text_keys_ignore_case_spacing_and_punctuation() =>
        Assert.Equal("metadata librarian ii", JobLeadKeys.Text("  Metadata--Librarian (II)!"));
}
