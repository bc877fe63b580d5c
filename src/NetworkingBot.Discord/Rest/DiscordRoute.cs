namespace NetworkingBot.Discord.Rest;

/// <summary>
/// One REST call's route: the method, the template as Discord documents it ("channels/{channel_id}/messages")
/// and the values of its placeholders in order. The rate limiter keys buckets by method, template and the
/// major parameter (channel_id, guild_id, webhook_id + token), so the template must keep the placeholders.
/// </summary>
public sealed record DiscordRoute(HttpMethod Method, string Template, params string[] Values)
{
    /// <summary>The relative path with every placeholder replaced by its escaped value.</summary>
    public string Path
    {
        get
        {
            var path = Template;
            foreach (var value in Values)
            {
                var open = path.IndexOf('{', StringComparison.Ordinal);
                var close = path.IndexOf('}', open + 1);
                path = path[..open] + Uri.EscapeDataString(value) + path[(close + 1)..];
            }

            return path;
        }
    }

    /// <summary>
    /// When the request stops being worth sending: an interaction callback is accepted only within 3 s of the
    /// interaction, its follow-ups within 15 min. Waits (rate limits, retries) never go past it; null: no deadline.
    /// </summary>
    public DateTimeOffset? NotAfter { get; init; }

    /// <summary>Interaction callbacks and webhooks with a token are exempt from the global limit.</summary>
    public bool IsInteraction => Template.StartsWith("interactions/", StringComparison.Ordinal)
        || Template.StartsWith("webhooks/{application_id}/{interaction_token}", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Template}";
}
