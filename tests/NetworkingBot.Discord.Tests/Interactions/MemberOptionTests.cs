using NetworkingBot.Core.Commands;
using NetworkingBot.Discord.Client.Socket;
using NetworkingBot.Testing.FakeDiscord;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Discord.Tests.Interactions;

/// <summary>A member option on Discord: a user option (type 6) whose user Discord sends in data.resolved.users.</summary>
public sealed class MemberOptionTests
{
    private static async Task<string> RosterAsync(System.Text.Json.JsonElement interaction)
    {
        await using var rig = await InteractionRig.StartAsync(extra: s => s.AddCommand<ClubRosterHandler>());
        var reply = await rig.CallbackOfAsync(interaction);
        return reply.GetProperty("data").GetProperty("content").GetString()!;
    }

    [Fact]
    public async Task A_user_option_carries_the_id_and_the_resolved_user()
    {
        var content = await RosterAsync(DiscordPayloads.SlashNamingUser("club", "roster", "member", "222", "sam", globalName: "Sam Reyes"));
        Assert.Contains("member=222; resolved=222/Sam Reyes/person", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_global_name_the_username_is_shown_and_a_bot_is_marked()
    {
        var content = await RosterAsync(DiscordPayloads.SlashNamingUser("club", "roster", "member", "333", "helperbot", bot: true));
        Assert.Contains("member=333; resolved=333/helperbot/bot", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_option_Discord_did_not_resolve_is_answered_as_unreadable()
    {
        // Discord always resolves a user option; Discord.Net cannot build one it did not, so the guarded socket answers.
        var content = await RosterAsync(DiscordPayloads.SlashNamingUser("club", "roster", "member", "444", "ghost", resolved: false));
        Assert.Equal("⚠️ " + UnreadableInteractions.CannotReadText, content);
    }

    [Fact]
    public async Task A_member_picked_in_a_form_is_resolved_too()
    {
        await using var rig = await InteractionRig.StartAsync(extra: s => s.AddCommand<ProposeBookHandler>());
        var modal = await rig.CallbackOfAsync(DiscordPayloads.Slash("club", "propose"));
        var customId = modal.GetProperty("data").GetProperty("custom_id").GetString()!;
        var submission = System.Text.Json.Nodes.JsonNode.Parse(DiscordPayloads.Modal(customId, new Dictionary<string, string> { ["book"] = "Beloved", ["host"] = "222" }).GetRawText())!;
        submission["data"]!["resolved"] = new System.Text.Json.Nodes.JsonObject
        {
            ["users"] = new System.Text.Json.Nodes.JsonObject { ["222"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "222", ["username"] = "sam", ["global_name"] = "Sam Reyes" } },
        };

        var reply = await rig.CallbackOfAsync(System.Text.Json.JsonSerializer.SerializeToElement(submission));

        Assert.Equal("proposed: book=Beloved; host=222 (host: Sam Reyes)", reply.GetProperty("data").GetProperty("content").GetString());
    }
}
