using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Commands;
using NetworkingBot.Slack.Api;

namespace NetworkingBot.Slack.Interactions;

/// <summary>
/// Slack has no files on an ephemeral reply, so the files that go with one are shared in the member's DM with the
/// bot (conversations.open, then per file files.getUploadURLExternal and the bytes to its upload_url, then one
/// files.completeUploadExternal into that DM), and the reply says where they went. A failed upload is told in the
/// reply, never a fault: the answer itself still stands.
/// </summary>
internal sealed class SlackFileShare(ISlackApi api, ILogger<SlackFileShare> logger)
{
    /// <summary>What the member reads under the answer once the files are in the DM.</summary>
    public static string SentNote(IReadOnlyList<ReplyFile> files) =>
        $"I've put {Names(files)} in our direct messages.";

    /// <summary>What the member reads when Slack refused the upload.</summary>
    public static string FailedNote(IReadOnlyList<ReplyFile> files) =>
        $"I couldn't send {Names(files)} to our direct messages just now; please try again in a minute.";

    /// <summary>The reply with its files shared and a line saying where (or that they could not be).</summary>
    public async Task<CommandResult> ShareAsync(string userId, CommandResult result, CancellationToken cancellationToken)
    {
        if (result is not Reply { Files.Count: > 0 } reply)
        {
            return result;
        }

        string note;
        try
        {
            await UploadAsync(userId, reply.Files, cancellationToken).ConfigureAwait(false);
            note = SentNote(reply.Files);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or KeyNotFoundException or InvalidOperationException or UriFormatException)
        {
            logger.LogWarning("Sharing {Count} file(s) with {UserId} failed ({Reason})", reply.Files.Count, userId, ex.Message);
            note = FailedNote(reply.Files);
        }

        return reply with { Body = $"{reply.Body}\n\n{note}", Files = [] };
    }

    private async Task UploadAsync(string userId, IReadOnlyList<ReplyFile> files, CancellationToken cancellationToken)
    {
        var opened = await api.CallAsync("conversations.open", new JsonObject { ["users"] = userId }, cancellationToken).ConfigureAwait(false);
        var channel = opened.GetProperty("channel").GetProperty("id").GetString()!;
        var uploaded = new JsonArray();
        foreach (var file in files)
        {
            var request = new JsonObject
            {
                ["filename"] = file.Name,
                ["length"] = file.Content.Length.ToString(CultureInfo.InvariantCulture),
            };
            if (file.AltText is { Length: > 0 } alt)
            {
                // Screen readers read a chart's text summary; Slack keeps alt text short, so a long one is cut.
                request["alt_txt"] = alt.Length <= MaxAltText ? alt : alt[..(MaxAltText - 1)] + "…";
            }

            var target = await api.CallAsync("files.getUploadURLExternal", request, cancellationToken).ConfigureAwait(false);
            await api.UploadAsync(new Uri(target.GetProperty("upload_url").GetString()!), file.Content, file.ContentType, cancellationToken).ConfigureAwait(false);
            uploaded.Add(new JsonObject { ["id"] = target.GetProperty("file_id").GetString(), ["title"] = file.Title ?? file.Name });
        }

        await api.CallAsync("files.completeUploadExternal", new JsonObject { ["files"] = uploaded, ["channel_id"] = channel }, cancellationToken).ConfigureAwait(false);
    }

    private const int MaxAltText = 1000;

    private static string Names(IReadOnlyList<ReplyFile> files) => string.Join(", ", files.Select(f => $"`{f.Name}`"));
}
