using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetworkingBot.Storage.Redis;

/// <summary>
/// JSON for stored values. Enums are written by name, so reordering an enum never changes what a stored
/// value means; instants keep their ticks.
/// </summary>
internal static class RedisJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"Stored {typeof(T).Name} is null.");
}
