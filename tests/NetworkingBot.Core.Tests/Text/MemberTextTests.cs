using NetworkingBot.Core.Commands.Text;

namespace NetworkingBot.Core.Tests.Text;

/// <summary>The one sanitiser every member-written field goes through.</summary>
public sealed class MemberTextTests
{
    [Theory]
    [InlineData("hello @everyone")]
    [InlineData("hello @Here")]
    [InlineData("hello <!channel>")]
    [InlineData("hello <!here>")]
    [InlineData("hello <@123>")]
    [InlineData("hello <#123>")]
    [InlineData("hello @channel")]
    public void Mentions_are_neutralised(string raw)
    {
        var clean = MemberText.Clean(raw);
        Assert.DoesNotContain("@everyone", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@here", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@channel", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<!", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("<@", clean, StringComparison.Ordinal);
        Assert.DoesNotContain("<#", clean, StringComparison.Ordinal);
        Assert.StartsWith("hello ", clean, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_is_left_alone()
    {
        Assert.Equal("Kansas City, MO (ask me@work) [part-time]", MemberText.Clean("Kansas City, MO (ask me@work) [part-time]"));
        Assert.Equal("Apply at https://example.org/jobs/42 (closes soon)", MemberText.Clean("Apply at https://example.org/jobs/42 (closes soon)"));
    }

    [Fact]
    public void Control_characters_go_and_line_breaks_stay_only_where_asked()
    {
        Assert.Equal("a b", MemberText.Clean("a\nb\u0007"));
        Assert.Equal("a\nb", MemberText.Clean("a\r\nb", multiline: true));
        Assert.Equal("a b c", MemberText.Clean("a\u2028b\tc"));
    }

    [Theory]
    [InlineData('\u202A')]
    [InlineData('\u202B')]
    [InlineData('\u202C')]
    [InlineData('\u202D')]
    [InlineData('\u202E')]
    [InlineData('\u2066')]
    [InlineData('\u2067')]
    [InlineData('\u2068')]
    [InlineData('\u2069')]
    [InlineData('\u200E')]
    [InlineData('\u200F')]
    [InlineData('\u061C')]
    public void Bidirectional_controls_are_removed(char control)
    {
        Assert.Equal("Librarian (fdp.exe)", MemberText.Clean($"Librarian {control}(fdp.exe){control}"));
        Assert.Equal(("Librarian", null), MemberText.Read("title", $"{control}Librarian{control}", 9));
    }

    [Theory]
    [InlineData("[Apply here](http://evil.example)", "[Apply here] (http://evil.example)")]
    [InlineData("[Apply here](<http://evil.example>)", "[Apply here] (<http://evil.example>)")]
    [InlineData("see [this]  (https://x.example) now", "see [this] (https://x.example) now")]
    [InlineData("[a](http://one.example) and [b](http://two.example)", "[a] (http://one.example) and [b] (http://two.example)")]
    public void Masked_links_lose_their_disguise(string raw, string expected)
    {
        Assert.Equal(expected, MemberText.Clean(raw));
        Assert.Equal(expected, MemberText.Read("title", raw, 200).Text);
    }

    [Fact]
    public void A_masked_link_hidden_by_an_invisible_character_is_caught_after_stripping()
    {
        Assert.Equal("[x] (http://evil.example)", MemberText.Clean("[x]\u202E(http://evil.example)"));
    }

    [Theory]
    [InlineData("Jobs at https://bücher.de/stellen", "Jobs at https://xn--bcher-kva.de/stellen")]
    [InlineData("https://例え.jp.", "https://xn--r8jz45g.jp.")]
    [InlineData("ask at https://user@münchen.de:8080/x", "ask at https://user@xn--mnchen-3ya.de:8080/x")]
    [InlineData("https://пример.рф", "https://xn--e1afmkfd.xn--p1ai")]
    public void Non_ascii_hosts_are_shown_in_punycode(string raw, string expected)
    {
        Assert.Equal((expected, null), MemberText.Read("note", raw, 200));
    }

    [Theory]
    [InlineData("https://ехаmple.org", "Cyrillic and Latin")]
    [InlineData("Apply: https://www.аpple.com/jobs", "Cyrillic and Latin")]
    [InlineData("http://pаypal.com", "Cyrillic and Latin")]
    [InlineData("https://αpple.com", "Greek and Latin")]
    [InlineData("https://пример.com", "Cyrillic and Latin")]
    public void Hosts_mixing_look_alike_scripts_are_refused_with_the_reason(string raw, string scripts)
    {
        var (text, error) = MemberText.Read("note", raw, 200);

        Assert.Null(text);
        Assert.Equal("mixed_script_host", error!.Code);
        Assert.StartsWith("`note`:", error.Message, StringComparison.Ordinal);
        Assert.Contains(scripts, error.Message, StringComparison.Ordinal);
        Assert.Contains("xn--", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_display_name_cannot_be_refused_so_a_look_alike_host_in_it_is_shown_in_punycode()
    {
        var clean = MemberText.Clean("ana https://ехаmple.org");
        Assert.StartsWith("ana https://xn--", clean, StringComparison.Ordinal);
        Assert.EndsWith(".org", clean, StringComparison.Ordinal);
    }

    [Fact]
    public void Length_is_counted_without_the_removed_characters_and_refused_beyond_the_bound()
    {
        Assert.Equal("abc", MemberText.Read("role", "a\u202Eb\u202Cc", 3).Text);
        var (text, error) = MemberText.Read("role", "abcd", 3);
        Assert.Null(text);
        Assert.Equal("role_too_long", error!.Code);
        Assert.Contains("at most 3 characters; yours has 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_after_stripping_means_absent()
    {
        Assert.Equal((null, null), MemberText.Read("role", " \u202E\u200F ", 10));
        Assert.Equal((null, null), MemberText.Read("role", null, 10));
    }
}
