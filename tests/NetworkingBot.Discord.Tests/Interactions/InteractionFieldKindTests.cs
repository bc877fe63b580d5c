using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Discord.Tests.Interactions;

/// <summary>
/// Every field of a slash command, a button click and a form submission, set in turn to each JSON kind it does not
/// have: whatever the result (a reply, a usage hint, "couldn't read that"), every such interaction is answered once.
/// </summary>
public sealed class InteractionFieldKindTests
{
    private static readonly JsonNode?[] Replacements = [JsonValue.Create(7), JsonValue.Create("x"), new JsonArray(1), new JsonObject { ["a"] = 1 }, JsonValue.Create(true), null];

    [Fact]
    public async Task Every_field_set_to_every_other_kind_still_gets_exactly_one_answer()
    {
        await using var rig = await InteractionRig.StartAsync(instantWindow: TimeSpan.FromSeconds(5));
        var seeds = new[]
        {
            DiscordPayloads.Slash("coffee", "join", new Dictionary<string, object> { ["interests"] = "archives", ["tz"] = "UTC", ["size"] = 2 }, user: "111"),
            DiscordPayloads.Button("coffee status", user: "111"),
            DiscordPayloads.Modal("coffee-join", new Dictionary<string, string> { ["interests"] = "archives", ["tz"] = "UTC" }),
        };

        var ids = new List<string>();
        foreach (var seed in seeds)
        {
            var original = JsonNode.Parse(seed.GetRawText())!;
            foreach (var path in Paths(original, []).Where(p => p is not ["id"] and not ["token"]))
            {
                foreach (var replacement in Replacements)
                {
                    if (KindOf(At(original, path)) == KindOf(replacement) || (path is ["type"] && replacement is JsonValue v && v.GetValueKind() == JsonValueKind.Number))
                    {
                        // Not a wrong kind; and another number in "type" is another interaction type, not a broken one.
                        continue;
                    }

                    var broken = original.DeepClone();
                    Set(broken, path, replacement?.DeepClone());
                    var id = DiscordPayloads.Snowflake();
                    broken["id"] = id;
                    ids.Add(id);
                    await rig.DispatchAsync(JsonSerializer.SerializeToElement(broken));
                }
            }
        }

        await rig.Rest.WaitForAsync("interactions/", ids.Count);
        var answered = rig.Rest.To("interactions/").Select(c => c.Route.Path.Split('/')[1]).ToList();
        Assert.True(ids.Count > 150, $"only {ids.Count} cases");
        Assert.Empty(ids.Except(answered));
        Assert.Equal(answered.Count, answered.Distinct().Count());
    }

    private static IEnumerable<object[]> Paths(JsonNode? node, object[] prefix)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    object[] path = [.. prefix, name];
                    yield return path;
                    foreach (var deeper in Paths(child, path))
                    {
                        yield return deeper;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    object[] path = [.. prefix, i];
                    yield return path;
                    foreach (var deeper in Paths(array[i], path))
                    {
                        yield return deeper;
                    }
                }

                break;
        }
    }

    private static JsonNode? At(JsonNode root, object[] path) =>
        path.Aggregate<object, JsonNode?>(root, (node, step) => step is int i ? node![i] : node![(string)step]);

    private static void Set(JsonNode root, object[] path, JsonNode? value)
    {
        var parent = At(root, path[..^1])!;
        if (path[^1] is int i)
        {
            parent[i] = value;
        }
        else
        {
            parent[(string)path[^1]] = value;
        }
    }

    private static JsonValueKind KindOf(JsonNode? node) => node switch
    {
        null => JsonValueKind.Null,
        JsonObject => JsonValueKind.Object,
        JsonArray => JsonValueKind.Array,
        _ => node.GetValueKind() is JsonValueKind.False ? JsonValueKind.True : node.GetValueKind(),
    };
}
