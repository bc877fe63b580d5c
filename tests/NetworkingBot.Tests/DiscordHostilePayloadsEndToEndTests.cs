using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Discord.Client.Socket;
using NetworkingBot.Testing.FakeDiscord;
using NetworkingBot.Testing;

namespace NetworkingBot.Tests;

/// <summary>
/// The real host against the loopback Discord fakes, fed payloads Discord would never send: every one gets a clear
/// answer or a logged drop, nothing is stored, the process stays up, and a valid interaction afterwards is answered.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DiscordHostilePayloadsEndToEndTests
{
    private const int Cap = 256 * 1024;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private static readonly Dictionary<string, object> Profile = new() { ["interests"] = "archives", ["tz"] = "UTC" };

    [Fact]
    public async Task Wrong_types_broken_frames_and_an_oversized_message_leave_the_bot_answering_and_the_store_unchanged()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        await using var gateway = await FakeDiscordGateway.StartAsync(TimeSpan.FromSeconds(30));
        rest.GatewayUrl = gateway.Url.ToString();
        using var host = PlatformHosts.Discord(rest, $"--Discord:MaxInboundFrameBytes={Cap}");
        await host.StartAsync();
        try
        {
            var shards = DiscordShards.Of(host);
            await gateway.WaitForOpAsync(FakeDiscordGatewayOps.Identify, timeout: Wait);
            await Eventually.TrueAsync(() => shards.Ready, "the shard to be ready", Wait);

            // Wrong field types in interactions: each sender is told privately.
            foreach (var patch in new[] { """{"type":"2"}""", """{"member":{"roles":[1]}}""", """{"data":{"options":{}}}""", """{"member":{"user":[]}}""" })
            {
                var broken = Patch(DiscordPayloads.Slash("coffee", "join", Profile, user: "101"), patch);
                var answer = await InteractAsync(gateway, rest, broken);
                Assert.Equal("⚠️ " + UnreadableInteractions.CannotReadText, answer.Body!.Value.GetProperty("data").GetProperty("content").GetString());
                Assert.Equal(64, answer.Body!.Value.GetProperty("data").GetProperty("flags").GetInt32());
            }

            // Other dispatches with wrong types, and frames that are not gateway payloads at all: dropped, connection kept.
            await gateway.DispatchAsync("GUILD_CREATE", """{"id":5,"channels":"none"}""");
            await gateway.DispatchAsync("READY", """{"session_id":7}""");
            await gateway.SendRawAsync("""{"op":"zero"}""");
            await gateway.SendRawAsync("not json");
            var kept = await InteractAsync(gateway, rest, DiscordPayloads.Slash("coffee", "status", user: "101"));
            Assert.Equal(1, gateway.ConnectionCount);
            Assert.Equal(4, kept.Body!.Value.GetProperty("type").GetInt32());

            // A message over the cap: dropped, the connection reset, and the bot back on a new session (a resume would
            // replay the same message), which the member's next interaction below proves to work.
            await gateway.SendLargeAsync(8L * 1024 * 1024);
            await gateway.WaitForOpAsync(FakeDiscordGatewayOps.Identify, count: 2, timeout: Wait);
            await Eventually.TrueAsync(() => shards.Ready, "the new session", Wait);
            Assert.Equal(2, gateway.ConnectionCount);
            // 4000, or none when the reset of a socket with unread data overtook the close frame.
            Assert.True((await gateway.WaitForClosedAsync(timeout: Wait)).ClientCloseCode is 4000 or null);

            Assert.Empty(await host.Services.GetRequiredService<IMemberStore>().ListAsync("discord:" + DiscordPayloads.Guild));
            var joined = await InteractAsync(gateway, rest, DiscordPayloads.Slash("coffee", "join", Profile, user: "102"));
            Assert.StartsWith("Welcome", joined.Body!.Value.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
            Assert.NotNull(await host.Services.GetRequiredService<IMemberStore>().GetAsync("discord:" + DiscordPayloads.Guild, "102"));
            Assert.False(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task<FakeDiscordRestCall> InteractAsync(FakeDiscordGateway gateway, FakeDiscordRest rest, JsonElement interaction)
    {
        var id = interaction.GetProperty("id").GetString();
        await gateway.DispatchAsync("INTERACTION_CREATE", interaction.GetRawText());
        return await rest.WaitForAsync(c => c.Is("POST", $"interactions/{id}/"), Wait);
    }

    private static JsonElement Patch(JsonElement payload, string patchJson)
    {
        var target = JsonNode.Parse(payload.GetRawText())!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(patchJson)!.AsObject().ToList())
        {
            if (value is JsonObject inner && target[name] is JsonObject existing)
            {
                foreach (var (innerName, innerValue) in inner.ToList())
                {
                    existing[innerName] = innerValue?.DeepClone();
                }
            }
            else
            {
                target[name] = value?.DeepClone();
            }
        }

        return JsonSerializer.SerializeToElement(target);
    }
}
