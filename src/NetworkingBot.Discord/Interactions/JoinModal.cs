using System.Text.Json.Nodes;
using NetworkingBot.Core.CoffeeChats;

namespace NetworkingBot.Discord.Interactions;

/// <summary>
/// "/coffee join" with no options opens this form instead of an error: two text inputs and three menus in
/// labels (Discord's current modal layout). Its submission arrives with <see cref="CustomId"/> and the
/// inputs' custom_ids are the join options, so it becomes an ordinary "/coffee join" command.
/// </summary>
public static class JoinModal
{
    public const string CustomId = "modal:coffee:join";

    public static JsonObject Build() => new()
    {
        ["custom_id"] = CustomId,
        ["title"] = "Join coffee chats",
        ["components"] = new JsonArray(
            Text("interests", "Your interests or specialties", "archives, metadata, instruction", required: true, max: 300),
            Text("tz", "Your time zone (IANA name)", "America/Chicago", required: true, max: 64),
            Select("stage", "Career stage", ProfileText.Stages),
            Select("looking", "Who would you like to meet?", ProfileText.Lookings),
            Select("format", "How would you like to meet?", ProfileText.Formats)),
    };

    private static JsonObject Text(string id, string label, string placeholder, bool required, int max) => new()
    {
        ["type"] = 18,
        ["label"] = label,
        ["component"] = new JsonObject
        {
            ["type"] = 4,
            ["custom_id"] = id,
            ["style"] = 1,
            ["placeholder"] = placeholder,
            ["required"] = required,
            ["max_length"] = max,
        },
    };

    private static JsonObject Select(string id, string label, IReadOnlyList<string> choices) => new()
    {
        ["type"] = 18,
        ["label"] = label,
        ["component"] = new JsonObject
        {
            ["type"] = 3,
            ["custom_id"] = id,
            ["required"] = false,
            ["options"] = new JsonArray([.. choices.Take(25).Select(c => (JsonNode)new JsonObject { ["label"] = c, ["value"] = c })]),
        },
    };
}
