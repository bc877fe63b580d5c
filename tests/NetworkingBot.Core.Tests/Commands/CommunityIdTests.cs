using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Tests.Commands;

public sealed class CommunityIdTests
{
    [Theory]
    [InlineData(Platform.Discord, "123", "discord:123")]
    [InlineData(Platform.Slack, "T1", "slack:T1")]
    [InlineData(Platform.Console, "local", "console:local")]
    public void Key_is_the_stored_form_and_ToString_is_the_key(Platform platform, string nativeId, string key)
    {
        var id = new CommunityId(platform, nativeId);

        Assert.Equal(key, id.Key);
        Assert.Equal(key, id.ToString());
    }

    [Theory]
    [InlineData("discord:123", Platform.Discord, "123")]
    [InlineData("slack:T1", Platform.Slack, "T1")]
    [InlineData("console:local", Platform.Console, "local")]
    [InlineData("console:a:b", Platform.Console, "a:b")]
    public void Parse_reads_the_stored_form_back(string key, Platform platform, string nativeId)
    {
        var id = CommunityId.Parse(key);

        Assert.Equal(platform, id.Platform);
        Assert.Equal(nativeId, id.NativeId);
        Assert.Equal(key, id.Key);
        Assert.Equal(new CommunityId(platform, nativeId), id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("discord")]
    [InlineData("discord:")]
    [InlineData(":123")]
    [InlineData("teams:123")]
    [InlineData("Discord:123")]
    [InlineData("discord: 123")]
    [InlineData("slack:T 1")]
    public void TryParse_refuses_what_is_not_a_stored_key(string? key)
    {
        Assert.False(CommunityId.TryParse(key, out var id));
        Assert.Equal(default, id);
    }

    [Fact]
    public void Parse_of_a_bad_key_throws_a_FormatException_naming_it()
    {
        var error = Assert.Throws<FormatException>(() => CommunityId.Parse("teams:1"));

        Assert.Contains("'teams:1'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a b")]
    public void A_blank_or_spaced_native_id_is_refused(string nativeId)
    {
        Assert.Throws<ArgumentException>(() => new CommunityId(Platform.Slack, nativeId));
    }

    [Fact]
    public void An_undefined_platform_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CommunityId((Platform)99, "x"));
    }
}
