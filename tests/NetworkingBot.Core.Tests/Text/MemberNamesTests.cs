using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Text;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Text;

/// <summary>
/// A display name that cleans to nothing is not printed as nothing: every greeting that names a member falls back to
/// a mention of them, and a name that does clean to something is shown cleaned (it can never ping).
/// </summary>
public sealed class MemberNamesTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u202E\u2066 \t\u200F")]
    [InlineData("\u0007\n")]
    public void A_name_that_cleans_to_nothing_becomes_a_mention(string displayName) =>
        Assert.Equal("<@U42>", MemberNames.Of(displayName, "U42"));

    [Fact]
    public void A_real_name_is_kept_cleaned() =>
        Assert.Equal("Ana @\u200Beveryone", MemberNames.Of(" Ana\u202E @everyone ", "U42"));

    [Theory]
    [InlineData("   ")]
    [InlineData("\u202E\u2066\u200F")]
    public async Task The_join_greeting_names_a_member_without_a_usable_name_by_mention(string displayName)
    {
        var reply = TestData.Ok(await JoinAsync("ana", displayName));

        Assert.StartsWith("Welcome to coffee chats, <@ana>! ", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_join_greeting_shows_the_cleaned_name_and_never_pings()
    {
        var reply = TestData.Ok(await JoinAsync("ana", "Ana @here"));

        Assert.StartsWith("Welcome to coffee chats, Ana @\u200Bhere! ", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_intro_names_a_partner_without_a_usable_name_by_mention()
    {
        await _h.SetUpAsync("channel:coffee-chats");
        TestData.Ok(await JoinAsync("ana", "Ana"));
        TestData.Ok(await JoinAsync("bob", " \u202E "));

        TestData.Ok(await _h.RunAsync("org", "/coffee pair-now", organiser: true));

        var toAna = Assert.Single(_h.Messenger.DirectTo("ana")).Text;
        Assert.Contains("About <@bob>: ", toAna, StringComparison.Ordinal);
        Assert.Contains("send <@bob> a message", toAna, StringComparison.Ordinal);
        Assert.DoesNotContain("About : ", toAna, StringComparison.Ordinal);
        Assert.Contains("About Ana: ", Assert.Single(_h.Messenger.DirectTo("bob")).Text, StringComparison.Ordinal);
    }

    private Task<CommandResult> JoinAsync(string user, string displayName) =>
        _h.Dispatcher.DispatchAsync(CoreHarness.Context(user) with { Actor = new UserRef(user, displayName) }, "/coffee join");
}
