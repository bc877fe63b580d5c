using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Commands;
using NetworkingBot.Discord.Interactions;

namespace NetworkingBot.Discord.Delivery;

/// <summary>
/// Turns an outbound text and its buttons into Discord message bodies: parts of at most 2000 characters,
/// buttons on the last part, pings limited to the users mentioned in each part, and a nonce per part derived
/// from the dedup key so Discord drops a retried duplicate.
/// </summary>
internal static partial class MessageBodies
{
    public const int MaxCustomId = ButtonIds.MaxLength;
    public const int MaxLabel = 80;
    public const int MaxNonce = 25;
    private const int ButtonsPerRow = 5;
    private const int MaxRows = 5;
    private const int MaxMentionedUsers = 100;

    public const int MaxEmbedDescription = 4096;
    private const int EmbedColor = 0x6F4E37; // coffee

    /// <summary>
    /// Message bodies for <paramref name="text"/>. With <paramref name="embed"/> (DMs: intros, check-ins) a
    /// multi-line text becomes its first line as content plus the rest in one embed, when that fits Discord's
    /// limits; otherwise, and for channel posts (whose mentions should ping), plain content parts.
    /// </summary>
    public static IReadOnlyList<DiscordMessageBody> Build(string text, IReadOnlyList<ButtonSpec> buttons, string dedupKey, string? guildId, ILogger logger, bool embed = false)
    {
        var bodies = Parts(DiscordTimes.Render(text), buttons, dedupKey, guildId, logger, embed);

        // Discord does not give the nonce back when messages are read, so the first part carries the delivery
        // reference where the bot can read it: its embed's footer (an embed of the footer alone when it has none).
        var first = bodies[0];
        var footer = new DiscordEmbedFooter(Reference(dedupKey));
        var embeds = first.Embeds is [var body, ..] ? [body with { Footer = footer }] : new[] { new DiscordEmbed(null, EmbedColor, footer) };
        return [first with { Embeds = embeds }, .. bodies.Skip(1)];
    }

    /// <summary>
    /// The short text a message's first part carries in its embed footer, "ref" and 12 hex digits of the dedup key's
    /// hash: the messenger's <c>FindSentAsync</c> looks for it among the bot's recent messages.
    /// </summary>
    public static string Reference(string dedupKey) => "ref " + Nonce(dedupKey, 0)[..12];

    private static List<DiscordMessageBody> Parts(string text, IReadOnlyList<ButtonSpec> buttons, string dedupKey, string? guildId, ILogger logger, bool embed)
    {
        var rows = Rows(buttons, guildId, logger);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        if (embed && newline > 0 && newline <= MessageSplitter.MaxLength && text.Length - newline - 1 is > 0 and <= MaxEmbedDescription)
        {
            var headline = text[..newline];
            return
            [
                new DiscordMessageBody(
                    headline, new AllowedMentions([], MentionedUsers(headline)), Nonce(dedupKey, 0), EnforceNonce: true,
                    rows.Count > 0 ? rows : null, [new DiscordEmbed(text[(newline + 1)..], EmbedColor)]),
            ];
        }

        var parts = MessageSplitter.Split(text);
        return parts
            .Select((part, i) => new DiscordMessageBody(
                part,
                new AllowedMentions([], MentionedUsers(part)),
                Nonce(dedupKey, i),
                EnforceNonce: true,
                Components: i == parts.Count - 1 && rows.Count > 0 ? rows : null))
            .ToList();
    }

    /// <summary>The ids of &lt;@id&gt; and &lt;@!id&gt; mentions, in order, without duplicates, at most 100.</summary>
    public static IReadOnlyList<string> MentionedUsers(string text) =>
        UserMention().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).Take(MaxMentionedUsers).ToList();

    /// <summary>A stable nonce of at most 25 characters for one part of one logical message.</summary>
    public static string Nonce(string dedupKey, int part)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{dedupKey}#{part}"));
        return Convert.ToHexStringLower(hash)[..MaxNonce];
    }

    /// <summary>Buttons as action rows; each custom_id is the button's command prefixed with its guild (see <see cref="ButtonIds"/>).</summary>
    public static IReadOnlyList<ActionRow> Rows(IReadOnlyList<ButtonSpec> buttons, string? guildId, ILogger logger)
    {
        var kept = new List<DiscordButton>();
        foreach (var spec in buttons)
        {
            var customId = spec.Command.Length == 0 ? null : ButtonIds.Encode(guildId, spec.Command);
            if (customId is null)
            {
                // custom_id is 1-100 characters; Discord would reject the whole message, so drop the button.
                logger.LogWarning("Dropped the Discord button {Label}: its command is {Length} characters, custom_id allows 1-{Max}", spec.Label, spec.Command.Length, MaxCustomId);
                continue;
            }

            if (kept.Any(b => b.CustomId == customId))
            {
                logger.LogWarning("Dropped the Discord button {Label}: another button on the message runs the same command, and custom_id must be unique", spec.Label);
                continue;
            }

            if (kept.Count == ButtonsPerRow * MaxRows)
            {
                logger.LogWarning("Dropped the Discord button {Label}: a message holds at most {Max} buttons", spec.Label, ButtonsPerRow * MaxRows);
                continue;
            }

            var label = spec.Label.Length > MaxLabel ? spec.Label[..(MaxLabel - 1)] + "…" : spec.Label;
            kept.Add(new DiscordButton(Style(spec.Style), label, customId));
        }

        return kept.Chunk(ButtonsPerRow).Select(row => new ActionRow(row)).ToList();
    }

    private static int Style(ButtonStyle style) => style switch
    {
        ButtonStyle.Primary => 1,
        ButtonStyle.Success => 3,
        ButtonStyle.Danger => 4,
        _ => 2,
    };

    [GeneratedRegex(@"<@!?(\d+)>", RegexOptions.CultureInvariant)]
    private static partial Regex UserMention();
}
