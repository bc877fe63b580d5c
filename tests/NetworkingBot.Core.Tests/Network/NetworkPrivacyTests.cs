using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Network;

/// <summary>export-me includes my log and notes; forget-me deletes them and makes me a former member in others' logs.</summary>
public sealed class NetworkPrivacyTests
{
    [Fact]
    public async Task Export_me_includes_my_log_with_my_notes_only()
    {
        await using var h = new CoreHarness();
        await h.MembersAsync("ana", "sam");
        await h.MetAsync("ana", "sam");
        TestData.Ok(await h.RunAsync("ana", "/network note member:@sam text:\"anas secret\""));
        TestData.Ok(await h.RunAsync("sam", "/network note member:@ana text:\"sams secret\""));

        var export = TestData.Ok(await h.RunAsync("ana", "/networking export-me")).Body;

        Assert.Contains("\"network\"", export, StringComparison.Ordinal);
        Assert.Contains("coffee chat, round 1", export, StringComparison.Ordinal);
        Assert.Contains("anas secret", export, StringComparison.Ordinal);
        Assert.DoesNotContain("sams secret", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_me_deletes_my_log_and_others_see_a_former_member_whom_no_nudge_names()
    {
        await using var h = new CoreHarness();
        await h.MembersAsync("ana", "sam");
        await h.MetAsync("ana", "sam");
        TestData.Ok(await h.RunAsync("ana", "/network note member:@sam text:\"ana keeps this\""));

        TestData.Ok(await h.RunAsync("sam", "/networking forget-me confirm:yes"));

        Assert.Equal(0, (await h.Network().ListContactsAsync(CoreHarness.Community, "sam", null, 0, 10)).Total);
        var list = TestData.Ok(await h.RunAsync("ana", "/network list")).Body;
        Assert.Contains("a former member", list, StringComparison.Ordinal);
        Assert.DoesNotContain("sam", list, StringComparison.Ordinal);
        Assert.Single(await h.Network().ListAllNotesAsync(CoreHarness.Community, "ana"));
        Assert.Empty(await h.Network().ListNudgesAsync(CoreHarness.Community, "ana"));
        Assert.Empty(await h.Network().ListNudgesAsync(CoreHarness.Community, "sam"));
    }
}
