namespace NetworkingBot.Discord.Rest;

/// <summary>
/// How the limiter names a route: "POST channels/{channel_id}/messages" for the route itself, and the major
/// parameter (the channel, guild or webhook id + token) that splits one Discord bucket into many.
/// </summary>
internal static class RouteKeys
{
    public static string Route(DiscordRoute route) => $"{route.Method.Method} {route.Template}";

    public static string MajorParameter(DiscordRoute route)
    {
        var template = route.Template;
        if (route.Values.Length == 0)
        {
            return "";
        }

        if (template.StartsWith("channels/{", StringComparison.Ordinal) || template.StartsWith("guilds/{", StringComparison.Ordinal))
        {
            return route.Values[0];
        }

        if (template.StartsWith("webhooks/{", StringComparison.Ordinal))
        {
            // webhooks/{id}/{token}/...: the token is part of the major parameter when it is in the path.
            var afterId = template.IndexOf('}', StringComparison.Ordinal) + 1;
            var withToken = template.Length > afterId + 1 && template[afterId] == '/' && template[afterId + 1] == '{' && route.Values.Length > 1;
            return withToken ? $"{route.Values[0]}/{route.Values[1]}" : route.Values[0];
        }

        return "";
    }
}
