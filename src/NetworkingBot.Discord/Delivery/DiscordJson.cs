using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetworkingBot.Discord.Delivery;

/// <summary>Discord's JSON conventions: snake_case field names; absent fields rather than nulls.</summary>
internal static class DiscordJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
