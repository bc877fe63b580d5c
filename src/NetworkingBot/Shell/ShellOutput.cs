using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Shell;

/// <summary>
/// Everything the shell shows, in one place and one lock: channel posts and their edits, DMs and private replies,
/// as text for people (<c>[#coffee]</c>, <c>[#jobs, edited]</c>, <c>[DM alice]</c>, <c>[to alice]</c>) or as one JSON
/// object per line for scripts. It also remembers each user's latest buttons so "press 1" knows what to run.
/// With a <paramref name="clock"/>, JSON lines of what the bot says unprompted (posts, edits, DMs) carry "at", the
/// shell clock's instant, so a script can check that a nudge came in its member's local morning.
/// </summary>
public sealed class ShellOutput(TextWriter writer, bool json, TimeProvider? clock = null)
{
    // Keep ☕, quotes and + readable in JSON lines; the output is a terminal or a script, never HTML.
    private static readonly JsonSerializerOptions JsonLine = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IReadOnlyList<ButtonSpec>> _buttons = new(StringComparer.Ordinal);

    public bool Json => json;

    public void Channel(string channel, string text) => Write("channel", null, channel, text, [], null);

    /// <summary>A channel post the bot edited, shown with its new text (<c>[#jobs, edited]</c>; JSON kind "edit").</summary>
    public void Edited(string channel, string text) => Write("edit", null, channel, text, [], null);

    public void Direct(string user, string text, IReadOnlyList<ButtonSpec> buttons) => Write("dm", user, null, text, buttons, null);

    /// <summary>A private answer; <paramref name="files"/> are where the files that came with it were saved (<c>[file] path</c>; JSON "files").</summary>
    public void Reply(string user, CommandResult result, IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(files);
        var buttons = result is Reply r ? r.Buttons : [];
        Write("reply", user, null, result.Text, buttons, (result as Failure)?.Error.Code, files);
    }

    /// <summary>Shell chatter (prompts' answers, errors in shell syntax); in JSON mode a "shell" line.</summary>
    public void Note(string text) => Write("shell", null, null, text, [], null);

    public ButtonSpec? Button(string user, string choice)
    {
        lock (_gate)
        {
            if (!_buttons.TryGetValue(user, out var buttons))
            {
                return null;
            }

            return int.TryParse(choice, out var n) && n >= 1 && n <= buttons.Count
                ? buttons[n - 1]
                : buttons.FirstOrDefault(b => b.Label.Equals(choice.Trim('"'), StringComparison.OrdinalIgnoreCase));
        }
    }

    private void Write(string kind, string? user, string? channel, string text, IReadOnlyList<ButtonSpec> buttons, string? error, IReadOnlyList<string>? files = null)
    {
        files ??= [];
        lock (_gate)
        {
            if (user is not null && buttons.Count > 0)
            {
                _buttons[user] = buttons;
            }

            var at = kind is "channel" or "edit" or "dm" ? clock?.GetUtcNow() : null;
            writer.WriteLine(json ? AsJson(kind, user, channel, text, buttons, error, files, at) : AsText(kind, user, channel, text, buttons, files));
            writer.Flush();
        }
    }

    private static string AsText(string kind, string? user, string? channel, string text, IReadOnlyList<ButtonSpec> buttons, IReadOnlyList<string> files)
    {
        var label = kind switch
        {
            "channel" => $"[#{channel}]",
            "edit" => $"[#{channel}, edited]",
            "dm" => $"[DM {user}]",
            "reply" => $"[to {user}]",
            _ => "[shell]",
        };
        var body = new StringBuilder(label).Append(' ').Append(ShellText.Render(text).Replace("\n", "\n    ", StringComparison.Ordinal));
        if (buttons.Count > 0)
        {
            body.Append("\n    ").Append(string.Join("  ", buttons.Select((b, i) => $"[{i + 1}] {b.Label}"))).Append("   (type: press 1)");
        }

        foreach (var file in files)
        {
            body.Append("\n    [file] ").Append(file);
        }

        return body.ToString();
    }

    private static string AsJson(
        string kind, string? user, string? channel, string text, IReadOnlyList<ButtonSpec> buttons, string? error, IReadOnlyList<string> files, DateTimeOffset? at)
    {
        var line = new Dictionary<string, object?>(StringComparer.Ordinal) { ["kind"] = kind };
        if (user is not null)
        {
            line["to"] = new[] { user };
        }

        if (channel is not null)
        {
            line["channel"] = channel;
        }

        line["text"] = ShellText.Render(text);
        line["buttons"] = buttons.Select(b => b.Label).ToArray();
        if (error is not null)
        {
            line["error"] = error;
        }

        // Only on answers that brought files, so every other line keeps its shape.
        if (files.Count > 0)
        {
            line["files"] = files.ToArray();
        }

        if (at is { } instant)
        {
            line["at"] = instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        }

        return JsonSerializer.Serialize(line, JsonLine);
    }
}
