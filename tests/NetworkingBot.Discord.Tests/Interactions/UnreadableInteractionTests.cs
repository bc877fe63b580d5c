using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkingBot.Discord.Client.Socket;
using NetworkingBot.Discord.Interactions;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Discord.Tests.Interactions;

/// <summary>
/// INTERACTION_CREATE payloads with fields of the wrong type: whoever sent one is told, privately, that it could not be
/// read (when its id and token can be read), nothing is stored, and the next valid interaction is answered as usual.
/// </summary>
public sealed class UnreadableInteractionTests
{
    private static readonly Dictionary<string, object> Profile = new() { ["interests"] = "archives", ["tz"] = "UTC" };

    /// <summary>Each case breaks one field of a valid <c>/coffee join</c> (or a button click / form, where named).</summary>
    public static TheoryData<string, string> WrongTypes() => new()
    {
        { "type is a string", """{"type":"2"}""" },
        { "type is a fraction", """{"type":2.5}""" },
        { "roles hold numbers", """{"member":{"roles":[1,2]}}""" },
        { "roles is an object", """{"member":{"roles":{"0":"1"}}}""" },
        { "options is an object", """{"data":{"options":{"name":"join"}}}""" },
        { "options hold a number", """{"data":{"options":[5]}}""" },
        { "a leaf option's value is an object", """{"data":{"options":[{"name":"join","type":1,"options":[{"name":"tz","type":3,"value":{"x":1}}]}]}}""" },
        { "an option's type is a string", """{"data":{"options":[{"name":"join","type":"1"}]}}""" },
        { "data is a string", """{"data":"join"}""" },
        { "data's name is a number", """{"data":{"name":7}}""" },
        { "member is an array", """{"member":[]}""" },
        { "member's user is a string", """{"member":{"user":"111"}}""" },
        { "the user id is a number", """{"member":{"user":{"id":111}}}""" },
        { "the nick is a number", """{"member":{"nick":5}}""" },
        { "permissions is a number", """{"member":{"permissions":8}}""" },
        { "guild_id is a number", """{"guild_id":290926798626357999}""" },
        { "channel_id is a boolean", """{"channel_id":true}""" },
        { "channel is a string", """{"channel_id":null,"channel":"general"}""" },
        { "application_id is an array", """{"application_id":[]}""" },
        { "a form's components is an object", """{"data":{"custom_id":"coffee-join","components":{}}}""" },
        { "a form field's value is a number", """{"data":{"custom_id":"coffee-join","components":[{"type":18,"component":{"type":4,"custom_id":"interests","value":42}}]}}""" },
        { "a select's values hold numbers", """{"data":{"custom_id":"coffee-join","components":[{"type":18,"component":{"type":3,"custom_id":"stage","values":[1]}}]}}""" },
    };

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public async Task An_interaction_with_a_field_of_the_wrong_type_is_told_privately_and_changes_nothing(string broken, string patch)
    {
        await using var rig = await InteractionRig.StartAsync();
        var payload = Patch(DiscordPayloads.Slash("coffee", "join", Profile, user: "111"), patch);

        var callback = await rig.CallbackOfAsync(payload);

        Assert.Equal(4, callback.GetProperty("type").GetInt32());
        Assert.Equal(ReplyRenderer.Ephemeral, callback.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal("⚠️ " + UnreadableInteractions.CannotReadText, callback.GetProperty("data").GetProperty("content").GetString());
        Assert.Contains(payload.GetProperty("id").GetString()!, rig.Rest.To("interactions/")[0].Route.Path, StringComparison.Ordinal);
        Assert.Null(await rig.MemberAsync("111"));
        Assert.True(rig.Rest.Calls.Count == 1, $"{broken}: only the one callback");

        // The next, valid interaction is answered as usual.
        var joined = await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee", "join", Profile, user: "112"));
        Assert.StartsWith("Welcome", joined.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.NotNull(await rig.MemberAsync("112"));
    }

    [Theory]
    [InlineData("""{"id":1234}""")]
    [InlineData("""{"token":null}""")]
    [InlineData("""{"id":""}""")]
    public async Task An_interaction_without_a_readable_id_and_token_cannot_be_answered_and_is_dropped(string patch)
    {
        await using var rig = await InteractionRig.StartAsync();

        await rig.DispatchAsync(Patch(DiscordPayloads.Slash("coffee", "join", Profile, user: "111"), patch));
        await rig.DispatchAsync(JsonDocument.Parse("42").RootElement);

        // Dropping happens inside the dispatch call (nothing is started beside it), so the valid one's answer is the only call.
        var joined = await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee", "join", Profile, user: "112"));
        Assert.StartsWith("Welcome", joined.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Single(rig.Rest.Calls);
        Assert.Null(await rig.MemberAsync("111"));
    }

    [Fact]
    public async Task A_button_click_in_a_DM_whose_user_is_not_an_object_is_told_privately()
    {
        await using var rig = await InteractionRig.StartAsync();

        var callback = await rig.CallbackOfAsync(Patch(DiscordPayloads.Button("coffee checkin met", user: "111"), """{"user":"111"}"""));

        Assert.Equal("⚠️ " + UnreadableInteractions.CannotReadText, callback.GetProperty("data").GetProperty("content").GetString());
    }

    [Fact]
    public async Task An_autocomplete_with_a_field_of_the_wrong_type_gets_no_suggestions_rather_than_a_message()
    {
        await using var rig = await InteractionRig.StartAsync();
        var typing = DiscordPayloads.Slash("coffee", "join", new Dictionary<string, object> { ["tz"] = "Eur" }, focused: "tz");

        var callback = await rig.CallbackOfAsync(Patch(typing, """{"member":{"roles":[7]}}"""));

        Assert.Equal(8, callback.GetProperty("type").GetInt32());
        Assert.Empty(callback.GetProperty("data").GetProperty("choices").EnumerateArray());
    }

    /// <summary>Merges <paramref name="patchJson"/> into the payload, object by object (a JSON merge patch).</summary>
    internal static JsonElement Patch(JsonElement payload, string patchJson)
    {
        var target = JsonNode.Parse(payload.GetRawText())!.AsObject();
        Merge(target, JsonNode.Parse(patchJson)!.AsObject());
        return JsonSerializer.SerializeToElement(target);
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            if (value is JsonObject inner && target[name] is JsonObject existing)
            {
                Merge(existing, inner);
            }
            else
            {
                target[name] = value?.DeepClone();
            }
        }
    }
}
