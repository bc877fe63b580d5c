using Discord;
using NetworkingBot.Discord.Delivery;
using OurMentions = NetworkingBot.Discord.Delivery.AllowedMentions;
using LibraryMentions = Discord.AllowedMentions;

namespace NetworkingBot.Discord.Client;

/// <summary>
/// The one place a message body becomes Discord.Net's arguments. Discord.Net has no global allowed-mentions
/// setting, so every send and every edit takes its <see cref="Mentions"/> from here: only the users the body names
/// may be pinged, never @everyone, @here or a role, whatever member text it carries.
/// </summary>
internal static class LibraryBodies
{
    /// <summary>The ping list of a body: the users it names (already capped at 100), no everyone/roles/replied user.</summary>
    public static LibraryMentions Mentions(OurMentions mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        return new LibraryMentions(AllowedMentionTypes.None)
        {
            UserIds = [.. mentions.Users.Select(Snowflake)],
            RoleIds = [],
            MentionRepliedUser = false,
        };
    }

    /// <summary>No one: interaction answers are private and never ping.</summary>
    public static LibraryMentions Nobody() => Mentions(new OurMentions([], []));

    public static Embed[] Embeds(IReadOnlyList<DiscordEmbed>? embeds) =>
        [.. (embeds ?? []).Select(e =>
        {
            var builder = new EmbedBuilder().WithColor(new Color((uint)e.Color));
            if (e.Description is { } description)
            {
                builder.WithDescription(description);
            }

            if (e.Footer is { } footer)
            {
                builder.WithFooter(footer.Text);
            }

            return builder.Build();
        })];

    /// <summary>The rows of buttons; an empty component set clears a message's old buttons on an edit.</summary>
    public static MessageComponent Components(IReadOnlyList<ActionRow>? rows)
    {
        var builder = new ComponentBuilder();
        foreach (var (row, index) in (rows ?? []).Select((r, i) => (r, i)))
        {
            foreach (var button in row.Components)
            {
                builder.WithButton(button.Label, button.CustomId, (ButtonStyle)button.Style, row: index);
            }
        }

        return builder.Build();
    }

    /// <summary>A whole replacement: an edit keeps any field it leaves out, so each is set, empty lists clearing.</summary>
    public static void Replace(MessageProperties properties, DiscordMessageBody body)
    {
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(body);
        properties.Content = body.Content;
        properties.Embeds = Embeds(body.Embeds);
        properties.Components = Components(body.Components);
        properties.AllowedMentions = Mentions(body.AllowedMentions);
    }

    public static ulong Snowflake(string id) =>
        ulong.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"\"{id}\" is not a Discord id.", nameof(id));
}
