using NetworkingBot.Core.Commands;
using NetworkingBot.Discord.Interactions;
using NetworkingBot.Testing.FakeDiscord;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Discord.Tests.Interactions;

/// <summary>Files with a reply are attached to the ephemeral response, in time or deferred.</summary>
public sealed class ReplyFileTests
{
    [Fact]
    public async Task An_instant_answer_attaches_the_file_to_the_callback()
    {
        await using var rig = await InteractionRig.StartAsync(extra: s => s.AddCommand<ClubRosterHandler>());

        var callback = await rig.CallbackOfAsync(DiscordPayloads.Slash("club", "roster"));

        Assert.Equal(4, callback.GetProperty("type").GetInt32());
        var data = callback.GetProperty("data");
        Assert.Equal(ReplyRenderer.Ephemeral, data.GetProperty("flags").GetInt32());
        var attachment = Assert.Single(data.GetProperty("attachments").EnumerateArray());
        Assert.Equal("0", attachment.GetProperty("id").ToString());
        Assert.Equal(ClubRosterHandler.FileName, attachment.GetProperty("filename").GetString());
        var (route, files) = Assert.Single(rig.Rest.FileCalls);
        Assert.StartsWith("interactions/", route.Path, StringComparison.Ordinal);
        var file = Assert.Single(files);
        // Discord.Net names the part's file and leaves its type to Discord, which reads it from the name.
        Assert.Equal(ClubRosterHandler.FileName, file.FileName);
        Assert.Equal(ClubRosterHandler.Csv, file.Content.ToArray());
    }

    [Fact]
    public async Task A_deferred_answer_attaches_the_file_to_the_edit_of_the_original_response()
    {
        await using var rig = await InteractionRig.StartAsync(instantWindow: TimeSpan.Zero, extra: s => s.AddCommand<ClubRosterHandler>());

        await rig.DispatchAsync(DiscordPayloads.Slash("club", "roster"));

        var edit = (await rig.Rest.WaitForAsync("webhooks/"))[0];
        Assert.EndsWith("/messages/@original", edit.Route.Path, StringComparison.Ordinal);
        Assert.Equal(ClubRosterHandler.FileName, Assert.Single(edit.Body!.Value.GetProperty("attachments").EnumerateArray()).GetProperty("filename").GetString());
        var (route, files) = Assert.Single(rig.Rest.FileCalls);
        Assert.Equal(edit.Route.Path, route.Path);
        Assert.Equal(ClubRosterHandler.Csv, Assert.Single(files).Content.ToArray());
    }

    [Fact]
    public async Task An_answer_without_files_sends_no_attachments()
    {
        await using var rig = await InteractionRig.StartAsync();

        var callback = await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee", "help"));

        Assert.False(callback.GetProperty("data").TryGetProperty("attachments", out _));
        Assert.Empty(rig.Rest.FileCalls);
    }
}
