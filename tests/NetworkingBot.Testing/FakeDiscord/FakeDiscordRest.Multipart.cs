using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace NetworkingBot.Testing.FakeDiscord;

/// <summary>
/// Requests with files, as Discord takes them: multipart/form-data whose <c>payload_json</c> part is the JSON body
/// and whose <c>files[n]</c> parts are the files; the body's <c>attachments</c> must name each file by its n.
/// </summary>
public sealed partial class FakeDiscordRest
{
    private static async Task<(string Raw, IReadOnlyList<FakeDiscordRestFile> Files)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            using var reader = new StreamReader(request.Body);
            return (await reader.ReadToEndAsync(cancellationToken), []);
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var files = new List<FakeDiscordRestFile>();
        foreach (var file in form.Files)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            files.Add(new FakeDiscordRestFile(file.Name, file.FileName, file.ContentType, buffer.ToArray()));
        }

        return (form["payload_json"].ToString(), files);
    }

    /// <summary>Why Discord would refuse the attachments of a request with files, or null when they match.</summary>
    private static string? AttachmentProblem(JsonElement? body, IReadOnlyList<FakeDiscordRestFile> files)
    {
        if (files.Count == 0)
        {
            return null;
        }

        var data = body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : body;
        if (data is not { ValueKind: JsonValueKind.Object } message || !message.TryGetProperty("attachments", out var attachments) || attachments.ValueKind != JsonValueKind.Array)
        {
            return "files sent without an attachments array";
        }

        var named = attachments.EnumerateArray().Select(a => a.TryGetProperty("id", out var id) ? id.ToString() : "").ToHashSet(StringComparer.Ordinal);
        var parts = files.Select(f => f.PartName).ToList();
        var expected = Enumerable.Range(0, files.Count).Select(i => string.Create(CultureInfo.InvariantCulture, $"files[{i}]")).ToList();
        return !parts.SequenceEqual(expected) ? $"file parts {string.Join(",", parts)} are not files[0..{files.Count - 1}]"
            : named.SetEquals(Enumerable.Range(0, files.Count).Select(i => i.ToString(CultureInfo.InvariantCulture))) ? null
            : "attachments do not name each file part by its index";
    }
}
