using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.JobLeads;

public sealed class SubscriptionTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Instant_subscribers_whose_criteria_match_get_one_DM_and_the_sharer_none()
    {
        await _h.BoardAsync();
        TestData.Ok(await _h.RunAsync("meta", "/job subscribe tags:metadata delivery:instant"));
        TestData.Ok(await _h.RunAsync("kansan", "/job subscribe location:lawrence types:full-time,part-time"));
        TestData.Ok(await _h.RunAsync("remote", "/job subscribe location:remote"));
        TestData.Ok(await _h.RunAsync("fellow", "/job subscribe types:fellowship"));
        TestData.Ok(await _h.RunAsync("ana", "/job subscribe"));

        await _h.ShareAsync("ana", JobHarness.Lead);

        Assert.Equal(["kansan", "meta"], _h.Messenger.DirectMessages.Select(m => m.UserId).Order());
        Assert.All(_h.Messenger.DirectMessages, m => Assert.Contains("#1 Metadata Librarian", m.Text, StringComparison.Ordinal));
        Assert.All(_h.Messenger.DirectMessages, m => Assert.DoesNotContain("<@ana>", m.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_member_with_closed_DMs_does_not_stop_the_share_or_the_others()
    {
        await _h.BoardAsync();
        TestData.Ok(await _h.RunAsync("closed", "/job subscribe"));
        TestData.Ok(await _h.RunAsync("open", "/job subscribe"));
        _h.Messenger.Unreachable.Add("closed");

        var reply = await _h.ShareAsync("ana", JobHarness.Lead);

        Assert.Equal("open", Assert.Single(_h.Messenger.DirectMessages).UserId);
        Assert.Contains("1 subscriber was told", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscriptions_show_replace_and_stop()
    {
        await _h.BoardAsync();
        Assert.Contains("don't follow", TestData.Ok(await _h.RunAsync("ana", "/job subscriptions")).Body, StringComparison.Ordinal);
        TestData.Ok(await _h.RunAsync("ana", "/job subscribe tags:archives delivery:daily tz:America/Chicago"));
        TestData.Ok(await _h.RunAsync("ana", "/job subscribe tags:metadata types:internship delivery:daily"));

        var shown = TestData.Ok(await _h.RunAsync("ana", "/job subscriptions")).Body;
        Assert.Contains("tags metadata", shown, StringComparison.Ordinal);
        Assert.Contains("types internship", shown, StringComparison.Ordinal);
        Assert.Contains("daily digest", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("archives", shown, StringComparison.Ordinal);

        TestData.Ok(await _h.RunAsync("ana", "/job unsubscribe"));
        TestData.Failed(await _h.RunAsync("ana", "/job unsubscribe"), "not_subscribed");
        Assert.Empty(await _h.Jobs().ListSubscriptionsAsync(CoreHarness.Community));
    }

    [Theory]
    [InlineData("/job subscribe types:gig", "bad_type")]
    [InlineData("/job subscribe tags:\"a b c!\"", "bad_tag")]
    [InlineData("/job subscribe delivery:weekly", "bad_choice")]
    [InlineData("/job subscribe tz:Mars/Base", "bad_timezone")]
    public async Task Bad_subscriptions_are_refused_and_store_nothing(string line, string code)
    {
        await _h.BoardAsync();
        TestData.Failed(await _h.RunAsync("ana", line), code);
        Assert.Empty(await _h.Jobs().ListSubscriptionsAsync(CoreHarness.Community));
    }
}
