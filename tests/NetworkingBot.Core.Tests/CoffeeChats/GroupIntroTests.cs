using NetworkingBot.Testing.Fakes;
using Xunit;

namespace NetworkingBot.Core.Tests.CoffeeChats;

public sealed class GroupIntroTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Where_the_platform_has_group_conversations_each_group_gets_one_intro_naming_everyone()
    {
        _h.Messenger.GroupsSupported = true;
        await _h.SetUpAsync();
        await _h.JoinAsync("ana", "bob", "cat", "dan", "eve");

        TestData.Ok(await _h.RunAsync("org", "/coffee pair-now", organiser: true));

        Assert.Empty(_h.Messenger.DirectMessages);
        var intros = _h.Messenger.GroupMessages;
        Assert.Equal(2, intros.Count);
        Assert.Equal(["ana", "bob", "cat", "dan", "eve"], intros.SelectMany(m => m.GroupUserIds!).Order());
        Assert.All(intros, m => Assert.All(m.GroupUserIds!, u => Assert.Contains($"<@{u}>", m.Text, StringComparison.Ordinal)));
        Assert.All(intros, m => Assert.Contains("you're matched", m.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_resumed_delivery_does_not_send_a_group_intro_twice()
    {
        _h.Messenger.GroupsSupported = true;
        await _h.SetUpAsync();
        await _h.JoinAsync("ana", "bob", "cat", "dan");
        _h.Messenger.FailAfter(2);

        await _h.RunAsync("org", "/coffee pair-now", organiser: true);
        _h.Messenger.StopFailing();
        Assert.Single(_h.Messenger.GroupMessages);
        await _h.GetService<NetworkingBot.Core.CoffeeChats.RoundService>().CatchUpAsync(CancellationToken.None);

        Assert.Equal(2, _h.Messenger.GroupMessages.Count);
        Assert.Equal(2, _h.Messenger.GroupMessages.Select(m => m.DedupKey).Distinct().Count());
    }
}
