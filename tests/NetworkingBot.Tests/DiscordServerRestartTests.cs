using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Tests;

/// <summary>
/// Discord's servers restarted under the bot, five times: the gateway and the API stop (connections refused for a
/// moment), come back on the same addresses having forgotten every session, and the bot, never restarted itself,
/// identifies afresh each time and answers the next command; then a 25-member round goes out with one DM each.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DiscordServerRestartTests
{
    private const string Organiser = "900";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static readonly string[] Members = [.. Enumerable.Range(1, 25).Select(i => (300 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public async Task Five_server_restarts_each_end_in_a_new_session_that_answers_and_a_round_reaches_every_member_once()
    {
        await using var discord = await ConnectedDiscordHost.StartAsync(Wait);
        var (rest, gateway) = (discord.Rest, discord.Gateway);
        foreach (var member in Members)
        {
            await DiscordAnswers.UntilAnsweredAsync(gateway, rest, () => DiscordPayloads.Slash("coffee", "join", new Dictionary<string, object> { ["tz"] = "UTC" }, user: member), Wait);
        }

        for (var restart = 1; restart <= 5; restart++)
        {
            await Task.WhenAll(gateway.RestartAsync(TimeSpan.FromSeconds(1)), rest.RestartAsync(TimeSpan.FromSeconds(1)));
            await gateway.WaitForOpAsync(2, count: 1 + restart, timeout: Wait);
            var status = await DiscordAnswers.UntilAnsweredAsync(gateway, rest, () => DiscordPayloads.Slash("coffee", "status", user: Members[restart]), Wait);
            Assert.Equal(4, status.Body!.Value.GetProperty("type").GetInt32());
        }

        var setup = new Dictionary<string, object> { ["channel"] = DiscordPayloads.Channel, ["day"] = "monday", ["time"] = "09:00", ["tz"] = "UTC" };
        await DiscordAnswers.UntilAnsweredAsync(gateway, rest, () => DiscordPayloads.Slash("coffee-admin", "setup", setup, user: Organiser, permissions: DiscordPayloads.ManageServer), Wait);
        await DiscordAnswers.UntilAnsweredAsync(gateway, rest, () => DiscordPayloads.Slash("coffee-admin", "pair-now", user: Organiser, permissions: DiscordPayloads.ManageServer), Wait);
        await rest.WaitForCountAsync(c => c.Is("POST", "channels/") && c.Succeeded && c.Path.EndsWith("/messages", StringComparison.Ordinal), 1 + Members.Length, Wait);

        Assert.Single(rest.Messages, m => m.ChannelId == DiscordPayloads.Channel);
        Assert.All(Members, m => Assert.Single(rest.MessagesTo(m)));
        Assert.Equal(6, gateway.Received.Count(f => f.Op == 2));
    }
}
