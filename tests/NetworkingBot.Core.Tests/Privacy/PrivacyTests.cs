using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Privacy;

public sealed class PrivacyTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Export_of_a_stranger_says_nothing_is_stored()
    {
        var body = TestData.Ok(await _h.RunAsync("ana", "/networking export-me")).Body;
        Assert.Contains("I don't store anything about you", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_contains_the_profile_and_rounds()
    {
        await _h.SetUpAsync();
        TestData.Ok(await _h.RunAsync("ana", "/coffee join interests:archives,metadata region:Boston"));
        await _h.JoinAsync("bob");
        TestData.Ok(await _h.RunAsync("org", "/coffee pair-now", organiser: true));

        var body = TestData.Ok(await _h.RunAsync("ana", "/networking export-me")).Body;

        Assert.Contains("```json", body, StringComparison.Ordinal);
        Assert.Contains("\"archives\"", body, StringComparison.Ordinal);
        Assert.Contains("\"Boston\"", body, StringComparison.Ordinal);
        Assert.Contains("\"partners\"", body, StringComparison.Ordinal);
        Assert.Contains("\"bob\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dm_conversations_kept_for_a_member_are_in_their_export_and_gone_after_forget_me()
    {
        var kept = new InMemoryDmChannelStore();
        using var h = new CoreHarness(extra: s => s.AddSingleton<NetworkingBot.Core.Abstractions.IDmChannelStore>(kept));
        var community = NetworkingBot.Core.Commands.CommunityId.Parse(CoreHarness.Community);
        await h.SetUpAsync();
        await h.JoinAsync("ana", "bob");
        await kept.SaveAsync(community, "ana", "D-ana");
        await kept.SaveAsync(community, "ana,bob", "G-ana-bob");
        await kept.SaveAsync(community, "bob", "D-bob");

        var export = TestData.Ok(await h.RunAsync("ana", "/networking export-me")).Body;
        Assert.Contains("\"directMessages\"", export, StringComparison.Ordinal);
        Assert.Contains("\"G-ana-bob\"", export, StringComparison.Ordinal);
        Assert.DoesNotContain("D-bob", export, StringComparison.Ordinal);

        var ask = TestData.Ok(await h.RunAsync("ana", "/networking forget-me"));
        TestData.Ok(await h.RunAsync("ana", Assert.Single(ask.Buttons).Command));

        Assert.Empty(await kept.ListForMemberAsync(community, "ana"));
        Assert.Equal("D-bob", await kept.FindAsync(community, "bob"));
    }

    [Fact]
    public async Task Forget_me_asks_first_then_deletes_everything()
    {
        await _h.SetUpAsync();
        await _h.JoinAsync("ana", "bob", "cat");
        TestData.Ok(await _h.RunAsync("org", "/coffee pair-now", organiser: true));
        var round = _h.Store.RoundsOf(CoreHarness.Community)[0];
        TestData.Ok(await _h.RunAsync("ana", $"/coffee checkin round:{round.RoundId} answer:met"));
        var before = _h.Store.Snapshot();

        var ask = TestData.Ok(await _h.RunAsync("ana", "/networking forget-me"));
        Assert.Equal(before, _h.Store.Snapshot());
        var button = Assert.Single(ask.Buttons);

        var done = TestData.Ok(await _h.RunAsync("ana", button.Command)).Body;

        Assert.Contains("Done", done, StringComparison.Ordinal);
        Assert.Null(_h.Store.MemberOf(CoreHarness.Community, "ana"));
        var after = Assert.Single(_h.Store.RoundsOf(CoreHarness.Community));
        Assert.DoesNotContain(after.Groups, g => g.Members.Contains("ana"));
        Assert.DoesNotContain("ana", after.Unmatched);
        Assert.Empty(await _h.Store.GetCheckInsAsync(round.RoundId));
        Assert.DoesNotContain(await _h.Store.GetDeliveriesAsync(round.RoundId), k => k.EndsWith(":ana", StringComparison.Ordinal));
        Assert.Contains("intro:bob", await _h.Store.GetDeliveriesAsync(round.RoundId));
        Assert.DoesNotContain("\"ana\"", _h.Store.Snapshot(), StringComparison.Ordinal);
        Assert.Contains("I don't store anything about you", TestData.Ok(await _h.RunAsync("ana", "/networking export-me")).Body, StringComparison.Ordinal);
        Assert.Contains("nothing to delete", TestData.Ok(await _h.RunAsync("ana", button.Command)).Body, StringComparison.Ordinal);
    }
}
