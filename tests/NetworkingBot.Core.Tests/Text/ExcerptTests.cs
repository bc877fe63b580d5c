using NetworkingBot.Core.Commands.Text;

namespace NetworkingBot.Core.Tests.Text;

public sealed class ExcerptTests
{
    [Theory]
    [InlineData("short", 10, 1)]
    [InlineData("exactly ten", 11, 1)]
    [InlineData("two\nlines", 20, 2)]
    public void Text_within_the_bounds_comes_back_unchanged(string text, int maxChars, int maxLines) =>
        Assert.Equal(text, Excerpt.Of(text, maxChars, maxLines));

    [Fact]
    public void Long_text_is_cut_at_a_word_boundary_and_ends_with_an_ellipsis()
    {
        Assert.Equal("The hiring manager…", Excerpt.Of("The hiring manager is lovely", 20, 5));
    }

    [Fact]
    public void A_word_with_no_boundary_nearby_is_cut_inside_it()
    {
        var excerpt = Excerpt.Of("a " + new string('x', 50), 20, 1);

        Assert.Equal("a " + new string('x', 17) + "…", excerpt);
        Assert.Equal(20, excerpt.Length);
    }

    [Fact]
    public void Too_many_lines_are_cut_after_the_last_allowed_line()
    {
        Assert.Equal("one\ntwo…", Excerpt.Of("one\ntwo\nthree\nfour", 100, 2));
    }

    [Fact]
    public void A_surrogate_pair_is_never_split()
    {
        var excerpt = Excerpt.Of(new string('x', 8) + "😀😀😀😀", 12, 1);

        Assert.Equal(new string('x', 8) + "😀…", excerpt);
        Assert.False(char.IsHighSurrogate(excerpt[^2]));
    }

    [Theory]
    [InlineData(200, 3)]
    [InlineData(280, 4)]
    [InlineData(2, 1)]
    public void An_excerpt_never_exceeds_its_bounds(int maxChars, int maxLines)
    {
        var text = string.Join('\n', Enumerable.Range(0, 40).Select(i => $"line {i} with a few words in it"));

        var excerpt = Excerpt.Of(text, maxChars, maxLines);

        Assert.True(excerpt.Length <= maxChars);
        Assert.True(excerpt.Count(c => c == '\n') < maxLines);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
    }
}
