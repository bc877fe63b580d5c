using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Testing.Fakes;
using Xunit;

namespace NetworkingBot.Core.Tests.CoffeeChats;

public sealed class ClosedDirectMessagesTests : IAsyncLifetime, IDisposable
{
    private readonly CoreHarness _h = new();

    public async Task InitializeAsync()
    {
        await _h.SetUpAsync();
        await _h.JoinAsync("ana", "bob", "cat", "dan");
        _h.Messenger.Unreachable.Add("bob");
    }

    public Task DisposeAsync() => _h.DisposeAsync().AsTask();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_member_with_closed_DMs_is_noted_in_the_channel_mentioning_only_them_and_the_round_goes_on()
    {
        TestData.Ok(await _h.RunAsync("org", "/coffee pair-now", organiser: true));

        var round = Assert.Single(_h.Store.RoundsOf(CoreHarness.Community));
        Assert.Equal(RoundStatus.Delivered, round.Status);
        Assert.Equal(["ana", "cat", "dan"], _h.Messenger.DirectMessages.Select(m => m.UserId).Order());
        var note = Assert.Single(_h.Messenger.ChannelPosts, m => m.Text.Contains("direct messages are closed", StringComparison.Ordinal));
        Assert.StartsWith("<@bob>", note.Text, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(note.Text, "<@"));
        Assert.Contains("unreachable:bob", await _h.Store.GetDeliveriesAsync(round.RoundId));
    }

    [Fact]
    public async Task The_note_is_not_repeated_every_round_but_comes_back_after_DMs_worked_once()
    {
        TestData.Ok(await _h.RunAsync("org", "/coffee pair-now", organiser: true));
        _h.Clock.Advance(TimeSpan.FromDays(7));
        TestData.Ok(await _h.RunAsync("org", "/coffee pair-now", organiser: true));
        Assert.Single(_h.Messenger.ChannelPosts, m => m.Text.Contains("direct messages are closed", StringComparison.Ordinal));

        _h.Messenger.Unreachable.Clear();
        _h.Clock.Advance(TimeSpan.FromDays(7));
        TestData.Ok(await _h.RunAsync("org", "/coffee pair-now", organiser: true));
        _h.Messenger.Unreachable.Add("bob");
        _h.Clock.Advance(TimeSpan.FromDays(7));
        TestData.Ok(await _h.RunAsync("org", "/coffee pair-now", organiser: true));

        Assert.Equal(2, _h.Messenger.ChannelPosts.Count(m => m.Text.Contains("direct messages are closed", StringComparison.Ordinal)));
    }
}
