using Microsoft.Extensions.Logging.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Discord.Interactions;

namespace NetworkingBot.Discord.Tests.Interactions;

/// <summary>A chart's text summary reaches Discord as its attachment's description, which screen readers read as alt text.</summary>
public sealed class AttachmentDescriptionTests
{
    private static readonly ReplyRenderer Renderer = new(new DiscordText(new CommandCatalog([])), NullLogger<ReplyRenderer>.Instance);

    [Fact]
    public void The_alt_text_is_the_description_and_a_file_without_one_keeps_its_title()
    {
        var chart = new ReplyFile("coffee-stats.png", "image/png", new byte[] { 1 }, "Coffee chats") { AltText = "5 members; 1 round, 2 groups." };
        var export = new ReplyFile("network.csv", "text/csv", new byte[] { 2 }, "My network");
        var result = new Reply("Stats", []) { Files = [chart, export] };

        var attachments = Renderer.Render(result, null)[0]["attachments"]!.AsArray();

        Assert.Equal("5 members; 1 round, 2 groups.", (string?)attachments[0]!["description"]);
        Assert.Equal("My network", (string?)attachments[1]!["description"]);
    }

    [Fact]
    public void An_alt_text_longer_than_Discord_takes_is_cut_to_its_limit()
    {
        var file = new ReplyFile("a.png", "image/png", new byte[] { 1 }) { AltText = new string('x', 2_000) };

        Assert.Equal(ReplyRenderer.MaxAttachmentDescription, file.Description(ReplyRenderer.MaxAttachmentDescription)!.Length);
        Assert.EndsWith("…", file.Description(ReplyRenderer.MaxAttachmentDescription), StringComparison.Ordinal);
    }
}
