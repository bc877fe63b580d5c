using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkingBot.Discord.Client.Socket;
using NetworkingBot.Discord.Tests.Interactions;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Discord.Tests.Client.Socket;

/// <summary>
/// The check every gateway frame passes before Discord.Net reads it: what Discord really sends goes through unchanged;
/// what is no gateway payload is dropped; an unfit dispatch becomes a neutral one with the same sequence number; an
/// unreadable interaction is kept from Discord.Net and handed back to be answered.
/// </summary>
public sealed class GatewayFrameCheckTests
{
    private static readonly Dictionary<string, object> Profile = new() { ["interests"] = "archives", ["tz"] = "UTC" };

    public static TheoryData<string> RealFrames() =>
    [
        "gateway_dispatch_envelope.json", "gateway_heartbeat.json", "gateway_heartbeat_ack.json", "gateway_hello.json",
        "gateway_invalid_session.json", "gateway_reconnect.json",
    ];

    [Theory]
    [MemberData(nameof(RealFrames))]
    public void Discords_documented_frames_pass_through_unchanged(string fixture)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Gateway", fixture));

        var verdict = GatewayFrameCheck.Check(text);

        AssertUnchanged(text, verdict);
    }

    public static TheoryData<string> InteractionFixtures() =>
    [
        "interaction_application_command_slash.json", "interaction_application_command_user.json", "interaction_autocomplete_partial.json",
        "interaction_button_click_partial_v2.json", "interaction_message_component_button.json", "interaction_modal_submit_label_partial.json",
    ];

    [Theory]
    [MemberData(nameof(InteractionFixtures))]
    public void Documented_interactions_pass_through_unchanged(string fixture)
    {
        var text = Dispatch("INTERACTION_CREATE", Whole(Fixtures.Load(Path.Combine("Interactions", fixture))), 3);

        AssertUnchanged(text, GatewayFrameCheck.Check(text));
    }

    [Fact]
    public void What_the_fake_Discord_sends_passes_through_unchanged()
    {
        foreach (var text in new[]
        {
            Dispatch("INTERACTION_CREATE", DiscordPayloads.Slash("coffee", "join", Profile, user: "101").GetRawText(), 4),
            Dispatch("GUILD_CREATE", """{"id":"290926798626357999","unavailable":false,"name":"Library","owner_id":"1","member_count":3,"large":false,"joined_at":"2026-01-01T00:00:00.000000+00:00","roles":[{"id":"290926798626357999","name":"@everyone"}],"channels":[{"id":"290926798999357250","type":0}],"members":[],"threads":[],"features":[]}""", 2),
            Dispatch("GUILD_DELETE", """{"id":"290926798626357999","unavailable":true}""", 5),
            Dispatch("RESUMED", "{}", 6),
        })
        {
            AssertUnchanged(text, GatewayFrameCheck.Check(text));
        }
    }

    [Fact]
    public void A_READY_without_private_channels_gets_an_empty_list_and_is_otherwise_unchanged()
    {
        // Discord.Net reads private_channels.Length unguarded; the documentation (and this Remora sample) omit the field.
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Gateway", "gateway_ready_remora_synthetic.json"));

        var verdict = GatewayFrameCheck.Check(text);

        Assert.Equal(FrameAction.Forward, verdict.Action);
        Assert.Null(verdict.Problem);
        var expected = JsonNode.Parse(text)!;
        expected["d"]!["private_channels"] = new JsonArray();
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(verdict.Text)), verdict.Text);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"op":"zero"}""")]
    [InlineData("""{"op":"0","d":{}}""")]
    [InlineData("""[{"op":0}]""")]
    [InlineData("""{"op":99999999999}""")]
    [InlineData("""{"op":0,"s":1.5,"t":"GUILD_CREATE","d":{}}""")]
    [InlineData("""{"op":0,"s":"7","t":"GUILD_CREATE","d":{}}""")]
    [InlineData("""{"d":{}}""")]
    [InlineData("42")]
    public void A_frame_that_is_no_gateway_payload_is_dropped_with_a_reason_that_quotes_nothing_of_it(string frame)
    {
        var verdict = GatewayFrameCheck.Check(frame);

        Assert.Equal(FrameAction.Drop, verdict.Action);
        Assert.False(string.IsNullOrEmpty(verdict.Problem));
        Assert.DoesNotContain("zero", verdict.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("READY", """{"session_id":7}""")]
    [InlineData("READY", """{"session_id":"s","user":{"id":"1"},"guilds":"none"}""")]
    [InlineData("READY", """{"session_id":"s","user":{"id":1},"guilds":[]}""")]
    [InlineData("READY", """{"session_id":"s","user":{"id":"1"},"guilds":[{"id":"2","unavailable":"yes"}]}""")]
    [InlineData("READY", """{"session_id":"s","user":{"id":"1"},"guilds":[],"private_channels":{}}""")]
    [InlineData("READY", """{"session_id":"s","user":{"id":"1"},"guilds":[],"application":{"id":[]}}""")]
    [InlineData("READY", "[]")]
    [InlineData("GUILD_CREATE", """{"id":5,"channels":"none"}""")]
    [InlineData("GUILD_CREATE", """{"id":"5","channels":"none"}""")]
    [InlineData("GUILD_CREATE", """{"id":"5","channels":[{"id":"6","type":"text"}]}""")]
    [InlineData("GUILD_CREATE", """{"id":"5","roles":[5]}""")]
    [InlineData("GUILD_CREATE", """{"id":"5","member_count":"many"}""")]
    [InlineData("GUILD_CREATE", """{"id":"5","joined_at":"yesterday"}""")]
    [InlineData("GUILD_CREATE", """{"id":"5","large":null}""")]
    [InlineData("GUILD_CREATE", """{"name":"no id"}""")]
    [InlineData("GUILD_DELETE", """{"id":"5","unavailable":"true"}""")]
    [InlineData("GUILD_DELETE", "null")]
    public void An_unfit_dispatch_becomes_a_neutral_one_that_keeps_its_sequence(string eventName, string data)
    {
        var verdict = GatewayFrameCheck.Check(Dispatch(eventName, data, 17));

        Assert.Equal(FrameAction.Forward, verdict.Action);
        Assert.Contains(eventName + " #17", verdict.Problem, StringComparison.Ordinal);
        Assert.Null(verdict.Unreadable);
        AssertNeutral(verdict.Text, 17);
    }

    [Fact]
    public void A_dispatch_with_a_non_string_event_name_becomes_neutral()
    {
        var verdict = GatewayFrameCheck.Check("""{"op":0,"s":9,"t":{"x":1},"d":{}}""");

        AssertNeutral(verdict.Text, 9);
        Assert.NotNull(verdict.Problem);
    }

    [Theory]
    [InlineData("""{"type":"2"}""")]
    [InlineData("""{"member":{"roles":[1]}}""")]
    [InlineData("""{"data":{"options":{}}}""")]
    [InlineData("""{"member":{"user":[]}}""")]
    public void An_unreadable_interaction_never_reaches_Discord_Net_and_is_handed_back_to_be_answered(string patch)
    {
        var payload = UnreadableInteractionTests.Patch(DiscordPayloads.Slash("coffee", "join", Profile, user: "101"), patch);

        var verdict = GatewayFrameCheck.Check(Dispatch("INTERACTION_CREATE", payload.GetRawText(), 23));

        AssertNeutral(verdict.Text, 23);
        Assert.Equal(payload.GetProperty("id").GetString(), verdict.Unreadable?.Id);
        Assert.Equal(payload.GetProperty("token").GetString(), verdict.Unreadable?.Token);
        Assert.False(verdict.Unreadable!.Autocomplete);
    }

    [Fact]
    public void A_readable_interaction_is_handed_on_with_its_strict_reading_and_one_with_an_unresolved_user_option_is_not()
    {
        var named = DiscordPayloads.SlashNamingUser("club", "roster", "member", "444", "ghost");
        var readable = GatewayFrameCheck.Check(Dispatch("INTERACTION_CREATE", named.GetRawText(), 5));
        Assert.Equal(named.GetProperty("id").GetString(), readable.Read?.Id);
        Assert.Equal("ghost", readable.Read!.ResolvedUsers["444"].DisplayName);

        var unresolved = DiscordPayloads.SlashNamingUser("club", "roster", "member", "444", "ghost", resolved: false);
        var verdict = GatewayFrameCheck.Check(Dispatch("INTERACTION_CREATE", unresolved.GetRawText(), 6));
        AssertNeutral(verdict.Text, 6);
        Assert.Contains("user option member", verdict.Problem, StringComparison.Ordinal);
        Assert.Equal(unresolved.GetProperty("id").GetString(), verdict.Unreadable?.Id);
    }

    [Fact]
    public void An_unreadable_interaction_without_id_and_token_becomes_neutral_with_nobody_to_answer()
    {
        var verdict = GatewayFrameCheck.Check(Dispatch("INTERACTION_CREATE", """{"id":5,"type":2}""", 4));

        AssertNeutral(verdict.Text, 4);
        Assert.Null(verdict.Unreadable);
    }

    [Theory]
    [InlineData("""{"op":10,"d":{"heartbeat_interval":"soon"}}""")]
    [InlineData("""{"op":10,"d":{"heartbeat_interval":0}}""")]
    [InlineData("""{"op":10}""")]
    public void A_HELLO_without_a_readable_interval_resets_the_connection(string frame) =>
        Assert.Equal(FrameAction.Reset, GatewayFrameCheck.Check(frame).Action);

    [Fact]
    public void The_neutral_frame_without_a_sequence_says_null()
    {
        var verdict = GatewayFrameCheck.Check("""{"op":0,"t":"READY","d":{}}""");

        AssertNeutral(verdict.Text, null);
    }

    /// <summary>
    /// The published component, modal and autocomplete samples are partial (type and data only): their type and data go
    /// into an interaction as the fake sends it (id, token, member, channel), whole samples are used as they are.
    /// </summary>
    private static string Whole(JsonElement sample)
    {
        if (sample.TryGetProperty("id", out _))
        {
            return sample.GetRawText();
        }

        var whole = JsonNode.Parse(DiscordPayloads.Slash("coffee", "status", user: "101").GetRawText())!.AsObject();
        whole["type"] = JsonNode.Parse(sample.GetProperty("type").GetRawText());
        whole["data"] = JsonNode.Parse(sample.GetProperty("data").GetRawText());
        return whole.ToJsonString();
    }

    private static void AssertUnchanged(string text, FrameVerdict verdict)
    {
        Assert.Equal(FrameAction.Forward, verdict.Action);
        Assert.Same(text, verdict.Text);
        Assert.Null(verdict.Problem);
        Assert.Null(verdict.Unreadable);
    }

    private static void AssertNeutral(string text, int? sequence)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        Assert.Equal(0, root.GetProperty("op").GetInt32());
        Assert.Equal(GatewayFrameCheck.NeutralEvent, root.GetProperty("t").GetString());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("d").ValueKind);
        if (sequence is { } s)
        {
            Assert.Equal(s, root.GetProperty("s").GetInt32());
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, root.GetProperty("s").ValueKind);
        }
    }

    private static string Dispatch(string eventName, string dataJson, int sequence) =>
        $$"""{"op":0,"s":{{sequence}},"t":"{{eventName}}","d":{{dataJson}}}""";
}
