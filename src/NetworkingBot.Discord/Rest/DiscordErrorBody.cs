using System.Text.Json;

namespace NetworkingBot.Discord.Rest;

/// <summary>Reads Discord's error bodies (<c>{code, message, errors?}</c>) into <see cref="DiscordApiException"/>.</summary>
internal static class DiscordErrorBody
{
    public static DiscordApiException ToException(int status, string body)
    {
        if (!TryParse(body, out var root))
        {
            // Not JSON: Cloudflare answers with HTML, proxies with plain text. Keep a short excerpt for the log.
            var excerpt = body.Length > 200 ? body[..200] : body;
            return new DiscordApiException(status, 0, excerpt.Length == 0 ? $"HTTP {status} with an empty body" : excerpt);
        }

        var code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : 0;
        var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? "" : "";
        var fields = new Dictionary<string, string>();
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            Flatten(errors, "", fields);
        }

        return new DiscordApiException(status, code, message, fields);
    }

    /// <summary>Parses a JSON object body; false for HTML, text, arrays or nothing.</summary>
    public static bool TryParse(string body, out JsonElement root)
    {
        root = default;
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // The tree mirrors the request body: objects keyed by field name or array index, with "_errors" leaves
    // holding [{code, message}] at the level the error applies to.
    private static void Flatten(JsonElement node, string path, Dictionary<string, string> into)
    {
        foreach (var property in node.EnumerateObject())
        {
            if (property.NameEquals("_errors") && property.Value.ValueKind == JsonValueKind.Array)
            {
                var messages = property.Value.EnumerateArray()
                    .Select(e => e.TryGetProperty("message", out var msg) ? msg.GetString() : null)
                    .OfType<string>()
                    .ToList();
                if (messages.Count > 0)
                {
                    into[path] = string.Join("; ", messages);
                }
            }
            else if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Flatten(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", into);
            }
        }
    }
}
