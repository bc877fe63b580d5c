using Discord;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Commands;
using NetworkingBot.Discord.Delivery;
using NetworkingBot.Discord.Interactions;

namespace NetworkingBot.Discord.Client;

/// <summary>One part of an interaction answer as Discord.Net takes it: text, and the buttons (on the last part only).</summary>
internal sealed record LibraryReply(string Content, MessageComponent? Components);

/// <summary>
/// A command result as the parts of a private answer, through <see cref="ReplyRenderer"/> (the same text, splitting
/// and buttons as before), and its files as Discord.Net attachments on the first part.
/// </summary>
internal sealed class LibraryReplies(ReplyRenderer renderer, ILogger<ReplyRenderer> logger)
{
    public IReadOnlyList<LibraryReply> Render(CommandResult result, string? guildId)
    {
        var messages = renderer.Render(result, guildId);
        var buttons = result is Reply reply ? reply.Buttons : [];
        return [.. messages.Select((m, i) => new LibraryReply(
            m["content"]?.GetValue<string>() ?? "",
            i == messages.Count - 1 && buttons.Count > 0 ? LibraryBodies.Components(MessageBodies.Rows(buttons, guildId, logger)) : null))];
    }

    /// <summary>The files of a result as attachments; the caller disposes them once sent.</summary>
    public static List<FileAttachment> Files(CommandResult result) =>
        result is Reply { Files: { Count: > 0 } files }
            ? [.. files.Select(f => new FileAttachment(new MemoryStream(f.Content.ToArray(), writable: false), f.Name, f.Description(ReplyRenderer.MaxAttachmentDescription)))]
            : [];
}
