using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkingBot.Testing.FakeDiscord;
using NetworkingBot.Testing;

namespace NetworkingBot.Tests;

/// <summary>
/// Member text with Markdown masked links, through the real host to the loopback Discord: the channel post's
/// content, its embed and the subscriber's DM show the address plainly, never as a disguised link.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class MaskedLinkDiscordTests
{
    private const string Organiser = "900";
    private const string Sharer = "101";
    private const string Subscriber = "102";
    private const string Jobs = "645027906669510700";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Masked_links_in_a_lead_reach_Discord_as_plain_addresses_in_the_post_its_embed_and_the_DM()
    {
        await using var discord = await ConnectedDiscordHost.StartAsync(Wait);
        var (rest, gateway, host) = (discord.Rest, discord.Gateway, discord.Host);

        await DiscordAnswers.AnswerCallAsync(gateway, rest, DiscordPayloads.Slash("job-admin", "setup", new Dictionary<string, object> { ["channel"] = Jobs }, user: Organiser, permissions: DiscordPayloads.ManageServer));
        await DiscordAnswers.AnswerCallAsync(gateway, rest, DiscordPayloads.Slash("job", "subscribe", new Dictionary<string, object> { ["delivery"] = "instant" }, user: Subscriber));
        await DiscordAnswers.AnswerCallAsync(gateway, rest, DiscordPayloads.Slash("job", "share", new Dictionary<string, object>
        {
            ["title"] = "[Apply here](http://evil.example/a)", ["employer"] = "KU Libraries", ["type"] = "full-time",
            ["location"] = "[Lawrence](<http://evil.example/b>)", ["note"] = "Details: [the posting](https://evil.example/c)",
        }, user: Sharer));

        await rest.WaitForCountAsync(c => c.Is("POST", "channels/") && c.Succeeded, 2, Wait);
        var post = Assert.Single(rest.Messages, m => m.ChannelId == Jobs);
        var embed = Assert.Single(post.Body.GetProperty("embeds").EnumerateArray()).GetProperty("description").GetString()!;
        var dm = Assert.Single(rest.MessagesTo(Subscriber));
        var everything = string.Join('\n', post.Content, embed, dm.Content, dm.Body.GetRawText());

        Assert.Equal("**New job lead #1: [Apply here] (http://evil.example/a)** — KU Libraries", post.Content);
        Assert.Contains("[Lawrence] (<http://evil.example/b>)", embed, StringComparison.Ordinal);
        Assert.Contains("[the posting] (https://evil.example/c)", embed, StringComparison.Ordinal);
        Assert.DoesNotContain("](", everything, StringComparison.Ordinal);
    }
}
