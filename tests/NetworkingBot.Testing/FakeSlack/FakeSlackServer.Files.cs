using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace NetworkingBot.Testing.FakeSlack;

/// <summary>A file the fake received through Slack's external upload, and where files.completeUploadExternal shared it.</summary>
public sealed record SlackSharedFile(string FileId, string Name, string? Title, string ChannelId, byte[] Content);

/// <summary>
/// Slack's external upload on loopback: files.getUploadURLExternal hands out an upload URL on this server that takes
/// the bytes (checked against the announced length, as Slack does), and files.completeUploadExternal shares
/// uploaded files into a channel; a file never uploaded, or already shared, is refused.
/// </summary>
public sealed partial class FakeSlackServer
{
    private readonly Dictionary<string, (string Name, int Length, byte[]? Content)> _pendingUploads = new(StringComparer.Ordinal);
    private readonly List<SlackSharedFile> _shared = [];
    private int _fileCount;

    /// <summary>Files shared by files.completeUploadExternal, in order.</summary>
    public IReadOnlyList<SlackSharedFile> SharedFiles
    {
        get
        {
            lock (_gate)
            {
                return [.. _shared];
            }
        }
    }

    private JsonObject UploadUrl(Dictionary<string, string> args)
    {
        if (!args.TryGetValue("filename", out var name) || name.Length == 0
            || !int.TryParse(args.GetValueOrDefault("length", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length <= 0)
        {
            return Error("invalid_arguments");
        }

        lock (_gate)
        {
            var id = "F" + (++_fileCount).ToString("D8", CultureInfo.InvariantCulture);
            _pendingUploads[id] = (name, length, null);
            return new JsonObject { ["ok"] = true, ["upload_url"] = $"{_base}/upload/{id}", ["file_id"] = id };
        }
    }

    private async Task ReceiveUploadAsync(HttpContext context, string id)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer).ConfigureAwait(false);
        lock (_gate)
        {
            if (!_pendingUploads.TryGetValue(id, out var pending) || buffer.Length != pending.Length)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            _pendingUploads[id] = pending with { Content = buffer.ToArray() };
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        await context.Response.WriteAsync("OK - " + buffer.Length.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
    }

    private JsonObject CompleteUpload(Dictionary<string, string> args)
    {
        if (!args.TryGetValue("files", out var filesJson) || !args.TryGetValue("channel_id", out var channel) || channel.Length == 0)
        {
            return Error("invalid_arguments");
        }

        var files = JsonSerializer.Deserialize<JsonElement>(filesJson);
        lock (_gate)
        {
            var done = new JsonArray();
            foreach (var file in files.EnumerateArray())
            {
                var id = file.GetProperty("id").GetString()!;
                if (!_pendingUploads.Remove(id, out var pending) || pending.Content is null)
                {
                    return Error("file_not_found");
                }

                var title = file.TryGetProperty("title", out var t) ? t.GetString() : null;
                _shared.Add(new SlackSharedFile(id, pending.Name, title, channel, pending.Content));
                done.Add(new JsonObject { ["id"] = id, ["title"] = title ?? pending.Name });
            }

            return new JsonObject { ["ok"] = true, ["files"] = done };
        }
    }
}
