namespace NetworkingBot.Discord.Delivery;

/// <summary>The body of <c>POST channels/{channel_id}/messages</c> as the bot sends it (serialized snake_case).</summary>
internal sealed record DiscordMessageBody(
    string Content,
    AllowedMentions AllowedMentions,
    string Nonce,
    bool EnforceNonce,
    IReadOnlyList<ActionRow>? Components,
    IReadOnlyList<DiscordEmbed>? Embeds = null);

/// <summary>
/// An embed: the body of an intro (description ≤ 4096 characters), set apart from its headline, and the footer that
/// carries the message's delivery reference (see <see cref="MessageBodies.Reference"/>); a message with no body to
/// set apart gets an embed with the footer alone.
/// </summary>
internal sealed record DiscordEmbed(string? Description, int Color, DiscordEmbedFooter? Footer = null);

/// <summary>An embed's footer: small text under it.</summary>
internal sealed record DiscordEmbedFooter(string Text);

/// <summary>Only the listed users may be pinged: <c>parse</c> is empty, so @everyone, @here and roles never ping.</summary>
internal sealed record AllowedMentions(IReadOnlyList<string> Parse, IReadOnlyList<string> Users);

/// <summary>Component type 1: a row of up to five buttons.</summary>
internal sealed record ActionRow(IReadOnlyList<DiscordButton> Components)
{
    public int Type => 1;
}

/// <summary>Component type 2 with a <c>custom_id</c>: pressing it sends the interaction back to the bot.</summary>
internal sealed record DiscordButton(int Style, string Label, string CustomId)
{
    public int Type => 2;
}

/// <summary>
/// The body of <c>PATCH channels/{channel_id}/messages/{message_id}</c>: an edit keeps any field it leaves out,
/// so a replacement sends all of them, empty lists clearing an old embed or buttons. Edits take no nonce.
/// </summary>
internal sealed record DiscordEditBody(
    string Content,
    AllowedMentions AllowedMentions,
    IReadOnlyList<ActionRow> Components,
    IReadOnlyList<DiscordEmbed> Embeds)
{
    public static DiscordEditBody Replacing(DiscordMessageBody body) =>
        new(body.Content, body.AllowedMentions, body.Components ?? [], body.Embeds ?? []);
}
