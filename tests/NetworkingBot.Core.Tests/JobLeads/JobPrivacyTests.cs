using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.JobLeads;

public sealed class JobPrivacyTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Export_shows_the_subscription_shared_leads_and_received_leads_and_forget_removes_or_detaches_them()
    {
        await _h.BoardAsync();
        TestData.Ok(await _h.RunAsync("ana", "/job subscribe tags:metadata"));
        await _h.ShareAsync("ana", "title:Mine employer:E type:full-time remote:yes");
        await _h.ShareAsync("bob", JobHarness.Lead);

        var export = TestData.Ok(await _h.RunAsync("ana", "/networking export-me")).Body;
        Assert.Contains("\"jobLeads\"", export, StringComparison.Ordinal);
        Assert.Contains("Mine", export, StringComparison.Ordinal);
        Assert.Contains("\"leadsSentToYou\": [\n      2\n    ]", export, StringComparison.Ordinal);

        TestData.Ok(await _h.RunAsync("ana", "/networking forget-me confirm:yes"));

        Assert.Null(await _h.Jobs().GetSubscriptionAsync(CoreHarness.Community, "ana"));
        Assert.Empty(await _h.Jobs().GetDeliveriesAsync(CoreHarness.Community, "ana"));
        var mine = (await _h.Jobs().GetLeadAsync(CoreHarness.Community, 1))!;
        Assert.Equal(("", true), (mine.SharerId, mine.Anonymous));
        Assert.Contains("don't store anything", TestData.Ok(await _h.RunAsync("ana", "/networking export-me")).Body, StringComparison.Ordinal);
    }
}
