using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Commands;
using NetworkingBot.Discord.Commands;
using NetworkingBot.Discord.Delivery;

namespace NetworkingBot.Discord.Interactions;

/// <summary>
/// A command result as ephemeral Discord messages (flag 64: only the person who asked sees them). Long text
/// becomes several messages; buttons go on the last, files (as attachments) on the first. Replies never ping anyone: they are private anyway.
/// </summary>
public sealed class ReplyRenderer(DiscordText text, ILogger<ReplyRenderer> logger)
{
    public const int Ephemeral = 1 << 6;

    /// <summary>Discord's limit on an attachment's description, which screen readers read as its alt text.</summary>
    public const int MaxAttachmentDescription = 1024;

    /// <summary>The files that go with <paramref name="result"/>, as the parts the first rendered message's attachments name.</summary>
    public static IReadOnlyList<DiscordFileUpload> Files(CommandResult result) =>
        result is Reply { Files: { Count: > 0 } files } ? [.. files.Select(f => new DiscordFileUpload(f.Name, f.ContentType, f.Content))] : [];

    public IReadOnlyList<JsonObject> Render(CommandResult result, string? guildId)
    {
        ArgumentNullException.ThrowIfNull(result);
        var body = text.Adapt(result switch
        {
            Failure => "⚠️ " + result.Text,
            // Organiser subcommands are typed under their own command here.
            Reply { Help: { } help } => HelpText.Render(help, spec => spec.OrganiserOnly ? $"/{spec.Program}{CommandDefinitions.AdminSuffix} {spec.Name}" : spec.Invocation),
            _ => result.Text,
        });
        var buttons = result is Reply reply ? reply.Buttons : [];
        var chunks = MessageSplitter.Split(body);
        return [.. chunks.Select((chunk, i) =>
        {
            var message = new JsonObject
            {
                ["content"] = chunk,
                ["flags"] = Ephemeral,
                ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
            };
            if (i == 0 && result is Reply { Files.Count: > 0 } withFiles)
            {
                // The files ride on the first message, the one that answers the interaction; each is named by its part's index.
                message["attachments"] = new JsonArray([.. withFiles.Files.Select((f, n) => (JsonNode)new JsonObject
                {
                    ["id"] = n,
                    ["filename"] = f.Name,
                    ["description"] = f.Description(MaxAttachmentDescription),
                })]);
            }

            if (i == chunks.Count - 1 && buttons.Count > 0)
            {
                message["components"] = JsonSerializer.SerializeToNode(MessageBodies.Rows(buttons, guildId, logger), DiscordJson.Options);
            }

            return message;
        })];
    }
}
