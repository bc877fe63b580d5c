using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Messaging;

namespace NetworkingBot.Tests;

public sealed class MessengerRouterTests
{
    [Fact]
    public async Task Each_message_goes_to_the_messenger_of_its_communitys_platform()
    {
        var discord = new Recording(Platform.Discord, groups: false);
        var slack = new Recording(Platform.Slack, groups: true);
        var router = new MessengerRouter([discord, slack]);

        await router.SendAsync(OutboundMessage.ToChannel(new CommunityId(Platform.Slack, "T1").Key, "C1", "hi", "k1"));
        await router.PostAsync(OutboundMessage.ToChannel(new CommunityId(Platform.Discord, "42").Key, "7", "hello", "k2"));

        Assert.Equal(["k1"], slack.Sent);
        Assert.Equal(["k2"], discord.Sent);
        Assert.True(router.SupportsGroups("slack:T1"));
        Assert.False(router.SupportsGroups("discord:42"));
    }

    [Fact]
    public async Task A_community_whose_platform_runs_no_adapter_is_a_bug_that_names_it()
    {
        var router = new MessengerRouter([new Recording(Platform.Discord, groups: false)]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => router.SendAsync(OutboundMessage.ToUser("slack:T1", "U1", "hi", "k")));

        Assert.Contains("'slack:T1'", error.Message, StringComparison.Ordinal);
    }

    private sealed class Recording(Platform platform, bool groups) : IPlatformMessenger
    {
        public List<string> Sent { get; } = [];

        public Platform Platform => platform;

        public bool SupportsGroups => groups;

        public Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
        {
            Sent.Add(message.DedupKey);
            return Task.CompletedTask;
        }
    }
}
