using NetworkingBot.Testing.FakeDiscord;
using System.Text;
using System.Text.Json;
using NetworkingBot.Discord.Gateway;

namespace NetworkingBot.Discord.Tests.Gateway;

/// <summary>The payloads read and written, against the documented examples in Fixtures/Gateway.</summary>
public sealed class GatewayFixtureTests
{
    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Gateway", name));

    private static JsonElement Json(byte[] utf8) => JsonDocument.Parse(utf8).RootElement;

    private static string[] Keys(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name).Order()];

    [Fact]
    public void Hello_gives_the_heartbeat_interval()
    {
        var frame = GatewayFrame.Parse(Fixture("gateway_hello.json"));

        Assert.Equal(GatewayOpCode.Hello, frame.Op);
        Assert.Equal(TimeSpan.FromMilliseconds(45000), frame.HeartbeatInterval());
        Assert.Null(frame.Sequence);
    }

    [Fact]
    public void Dispatch_envelope_gives_event_name_and_sequence()
    {
        var frame = GatewayFrame.Parse(Fixture("gateway_dispatch_envelope.json"));

        Assert.Equal(GatewayOpCode.Dispatch, frame.Op);
        Assert.Equal("GATEWAY_EVENT_NAME", frame.EventName);
        Assert.Equal(42, frame.Sequence);
        Assert.Equal(JsonValueKind.Object, frame.Data.ValueKind);
    }

    [Fact]
    public void Invalid_session_false_is_not_resumable_and_true_is()
    {
        var frame = GatewayFrame.Parse(Fixture("gateway_invalid_session.json"));

        Assert.Equal(GatewayOpCode.InvalidSession, frame.Op);
        Assert.False(frame.IsResumable());
        Assert.True(GatewayFrame.Parse("""{"op":9,"d":true}"""u8.ToArray()).IsResumable());
    }

    [Fact]
    public void Ready_gives_session_id_and_resume_url_and_outlives_its_buffer()
    {
        var buffer = Fixture("gateway_ready_remora_synthetic.json");
        var frame = GatewayFrame.Parse(buffer);
        Array.Clear(buffer);

        Assert.Equal("READY", frame.EventName);
        Assert.Equal(1, frame.Sequence);
        Assert.Equal("none", frame.Data.GetProperty("session_id").GetString());
        Assert.Equal("https://www.example.org", frame.Data.GetProperty("resume_gateway_url").GetString());
    }

    [Theory]
    [InlineData("gateway_heartbeat_ack.json", GatewayOpCode.HeartbeatAck)]
    [InlineData("gateway_reconnect.json", GatewayOpCode.Reconnect)]
    public void Payloads_without_data_read_as_null_data(string fixture, GatewayOpCode op)
    {
        var frame = GatewayFrame.Parse(Fixture(fixture));

        Assert.Equal(op, frame.Op);
        Assert.Equal(JsonValueKind.Null, frame.Data.ValueKind);
    }

    [Fact]
    public void A_payload_without_op_is_rejected() =>
        Assert.ThrowsAny<JsonException>(() => GatewayFrame.Parse("""{"d":1}"""u8.ToArray()));

    [Fact]
    public void Identify_has_the_documented_fields_guilds_intent_and_shard()
    {
        var sent = Json(GatewayPayloads.Identify("my_token", 3, 8));
        var minimal = Json(Fixture("gateway_identify_minimal.json"));
        var full = Json(Fixture("gateway_identify_full.json"));

        Assert.Equal(2, sent.GetProperty("op").GetInt32());
        var d = sent.GetProperty("d");
        Assert.Equal([.. Keys(minimal.GetProperty("d")).Append("shard").Order()], Keys(d));
        Assert.Equal(Keys(minimal.GetProperty("d").GetProperty("properties")), Keys(d.GetProperty("properties")));
        Assert.Equal("my_token", d.GetProperty("token").GetString());
        Assert.Equal(1, d.GetProperty("intents").GetInt32());
        Assert.Equal("networkingbot", d.GetProperty("properties").GetProperty("browser").GetString());
        Assert.Equal("networkingbot", d.GetProperty("properties").GetProperty("device").GetString());
        Assert.Equal(full.GetProperty("d").GetProperty("shard").ValueKind, d.GetProperty("shard").ValueKind);
        Assert.Equal([3, 8], d.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void Resume_matches_the_documented_example()
    {
        var sent = Encoding.UTF8.GetString(GatewayPayloads.Resume("my_token", "session_id_i_stored", 1337));
        var documented = JsonSerializer.Serialize(Json(Fixture("gateway_resume.json")));

        Assert.Equal(documented, sent);
    }

    [Fact]
    public void Heartbeat_carries_the_last_sequence_or_null()
    {
        var documented = JsonSerializer.Serialize(Json(Fixture("gateway_heartbeat.json")));

        Assert.Equal(documented, Encoding.UTF8.GetString(GatewayPayloads.Heartbeat(251)));
        Assert.Equal("""{"op":1,"d":null}""", Encoding.UTF8.GetString(GatewayPayloads.Heartbeat(null)));
    }

    [Fact]
    public void Gateway_bot_fixture_maps_onto_gateway_bot_info()
    {
        var root = Json(Fixture("rest_get_gateway_bot.json"));
        var limit = root.GetProperty("session_start_limit");

        var info = new GatewayBotInfo(new Uri(root.GetProperty("url").GetString()!), root.GetProperty("shards").GetInt32(),
            new SessionStartLimit(limit.GetProperty("total").GetInt32(), limit.GetProperty("remaining").GetInt32(),
                TimeSpan.FromMilliseconds(limit.GetProperty("reset_after").GetInt64()), limit.GetProperty("max_concurrency").GetInt32()));

        Assert.Equal(new Uri("wss://gateway.discord.gg/?v=10&encoding=json"), GatewaySocket.WithQuery(info.Url));
        Assert.Equal(9, info.Shards);
        Assert.Equal(TimeSpan.FromHours(4), info.Limit.ResetAfter);
    }

    [Theory]
    [InlineData(4000, "Resume")]
    [InlineData(4008, "Resume")]
    [InlineData(null, "Resume")]
    [InlineData(4007, "Reidentify")]
    [InlineData(4009, "Reidentify")]
    [InlineData(4004, "Fatal")]
    [InlineData(4010, "Fatal")]
    [InlineData(4011, "Fatal")]
    [InlineData(4012, "Fatal")]
    [InlineData(4013, "Fatal")]
    [InlineData(4014, "Fatal")]
    public void Close_codes_are_classified_as_the_brief_says(int? code, string action) =>
        Assert.Equal(action, GatewayCloseCodes.Classify(code).ToString());
}
