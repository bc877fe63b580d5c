using NetworkingBot.Core.Commands;
using NetworkingBot.Slack.Interactions;
using NetworkingBot.Testing.FakeSlack;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Slack.Tests;

/// <summary>Files with a reply: shared in the member's DM with the bot through Slack's external upload, and the reply says where.</summary>
public sealed class ReplyFileTests
{
    [Fact]
    public async Task A_file_is_uploaded_into_the_members_DM_and_the_reply_says_so()
    {
        await using var host = await SlackTestHost.StartAsync(extra: s => s.AddCommand<ClubRosterHandler>());
        var socket = await host.Slack.NextSocketAsync();

        var ack = await host.SendAsync(socket, SlackEnvelopes.SlashCommand("roster", "U0CLB001", command: "/club"));

        var text = ack.Payload!.Value.GetProperty("text").GetString()!;
        Assert.Contains("member=-", text, StringComparison.Ordinal);
        Assert.Contains(SlackFileShare.SentNote([new ReplyFile(ClubRosterHandler.FileName, "text/csv", ClubRosterHandler.Csv)]), text, StringComparison.Ordinal);
        var shared = Assert.Single(host.Slack.SharedFiles);
        Assert.Equal(ClubRosterHandler.FileName, shared.Name);
        Assert.Equal("Club roster", shared.Title);
        Assert.Equal(ClubRosterHandler.Csv, shared.Content);
        Assert.Equal(["U0CLB001"], host.Slack.MembersOf(shared.ChannelId));
        Assert.Equal(ClubRosterHandler.Csv.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Assert.Single(host.Slack.CallsOf("files.getUploadURLExternal")).Arg("length"));
    }

    [Fact]
    public async Task A_files_alt_text_goes_with_its_upload_for_screen_readers()
    {
        await using var host = await SlackTestHost.StartAsync(extra: s => s.AddCommand<ClubChartHandler>());
        var socket = await host.Slack.NextSocketAsync();

        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("chart", "U0CLB001", command: "/club"));

        Assert.Equal("chart.png", Assert.Single(host.Slack.SharedFiles).Name);
        Assert.Equal(ClubChartHandler.Alt, Assert.Single(host.Slack.CallsOf("files.getUploadURLExternal")).Arg("alt_txt"));
    }

    /// <summary>A reply with one image file and its alt text, as the stats commands answer.</summary>
    private sealed class ClubChartHandler : ICommandHandler
    {
        public const string Alt = "Club stats: 3 books read.";

        public static SubcommandSpec Spec { get; } = new(ProposeBookHandler.Program, "chart", "the club's chart", []);

        public Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken) =>
            Task.FromResult<CommandResult>(new Reply(Alt, []) { Files = [new ReplyFile("chart.png", "image/png", new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "Club chart") { AltText = Alt }] });
    }

    [Fact]
    public async Task A_refused_upload_is_told_in_the_reply_and_the_answer_still_stands()
    {
        await using var host = await SlackTestHost.StartAsync(extra: s => s.AddCommand<ClubRosterHandler>());
        host.Slack.FailNext("files.getUploadURLExternal", "missing_scope", needed: "files:write", provided: "commands,chat:write");
        var socket = await host.Slack.NextSocketAsync();

        var ack = await host.SendAsync(socket, SlackEnvelopes.SlashCommand("roster", "U0CLB001", command: "/club"));

        var text = ack.Payload!.Value.GetProperty("text").GetString()!;
        Assert.Contains("member=-", text, StringComparison.Ordinal);
        Assert.Contains(SlackFileShare.FailedNote([new ReplyFile(ClubRosterHandler.FileName, "text/csv", ClubRosterHandler.Csv)]), text, StringComparison.Ordinal);
        Assert.Empty(host.Slack.SharedFiles);
        Assert.Empty(host.Slack.CallsOf("files.completeUploadExternal"));
    }
}
