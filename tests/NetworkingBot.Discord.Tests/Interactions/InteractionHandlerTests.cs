using NetworkingBot.Testing.FakeDiscord;
using System.Text.Json;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Discord.Interactions;

namespace NetworkingBot.Discord.Tests.Interactions;

public sealed class InteractionHandlerTests
{
    private static readonly Dictionary<string, object> Profile = new() { ["interests"] = "archives,metadata", ["tz"] = "America/Chicago", ["stage"] = "student" };

    [Fact]
    public async Task A_join_command_is_answered_within_three_seconds_with_an_ephemeral_reply_and_stored()
    {
        await using var rig = await InteractionRig.StartAsync();
        var started = DateTimeOffset.UtcNow;

        var callback = await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee", "join", Profile, user: "111"));

        var at = rig.Rest.To("interactions/")[0].At;
        Assert.True(at - started < TimeSpan.FromSeconds(3), $"acknowledged after {at - started}");
        Assert.Equal(4, callback.GetProperty("type").GetInt32());
        Assert.Equal(ReplyRenderer.Ephemeral, callback.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.StartsWith("Welcome to coffee chats", callback.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Empty(callback.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        var member = await rig.MemberAsync("111");
        Assert.Equal(["archives", "metadata"], member!.Profile.Interests);
        Assert.Equal("User 111", member.DisplayName);
    }

    [Fact]
    public async Task A_slow_command_is_deferred_at_once_and_its_answer_edits_the_original_response()
    {
        await using var rig = await InteractionRig.StartAsync(instantWindow: TimeSpan.Zero);
        var payload = DiscordPayloads.Slash("coffee", "join", Profile);

        await rig.DispatchAsync(payload);

        var callback = (await rig.Rest.WaitForAsync("interactions/"))[0];
        Assert.Equal(5, callback.Body!.Value.GetProperty("type").GetInt32());
        Assert.Equal(ReplyRenderer.Ephemeral, callback.Body.Value.GetProperty("data").GetProperty("flags").GetInt32());
        var edit = (await rig.Rest.WaitForAsync("webhooks/"))[0];
        Assert.Equal(HttpMethod.Patch, edit.Route.Method);
        Assert.EndsWith("/messages/@original", edit.Route.Path, StringComparison.Ordinal);
        Assert.Contains(payload.GetProperty("token").GetString()!, edit.Route.Path, StringComparison.Ordinal);
        Assert.StartsWith("Welcome", edit.Body!.Value.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.True(edit.At >= callback.At);
    }

    [Fact]
    public async Task Organiser_commands_follow_the_members_server_permissions_not_what_they_typed()
    {
        await using var rig = await InteractionRig.StartAsync();
        var setup = new Dictionary<string, object> { ["channel"] = DiscordPayloads.Channel, ["day"] = "monday", ["time"] = "09:00", ["tz"] = "America/Chicago" };

        var refused = await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee-admin", "setup", setup, user: "222", permissions: "0"));
        Assert.StartsWith("⚠️", refused.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Null(await rig.ProgramAsync());

        var accepted = await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee-admin", "setup", setup, user: "222", permissions: DiscordPayloads.ManageServer));
        Assert.StartsWith("Coffee chats are set", accepted.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(DiscordPayloads.Channel, (await rig.ProgramAsync())!.ChannelId);
    }

    [Fact]
    public void The_documented_slash_command_payload_parses()
    {
        var (interaction, error) = DiscordInteraction.Parse(Fixtures.Load("Interactions/interaction_application_command_slash.json"));

        Assert.Null(error);
        Assert.Equal(InteractionType.ApplicationCommand, interaction!.Type);
        Assert.Equal("cardsearch", interaction.CommandName);
        Assert.Equal("The Gitrog Monster", interaction.Options["cardname"]);
        Assert.Equal(["539082325061836999"], interaction.RoleIds);
        Assert.Equal("Mason", interaction.DisplayName);
        Assert.Equal(2147483647UL, interaction.Permissions);
        Assert.Equal("645027906669510667", interaction.ChannelId);
    }

    [Fact]
    public void The_documented_button_and_modal_payloads_parse()
    {
        var (button, _) = DiscordInteraction.Parse(Fixtures.Load("Interactions/interaction_message_component_button.json"));
        Assert.Equal(InteractionType.MessageComponent, button!.Type);
        Assert.Equal("click_one", button.CustomId);

        // The published modal and autocomplete samples are partial (type and data only): no id or user.
        var modal = Fixtures.Load("Interactions/interaction_modal_submit_label_partial.json");
        var (_, modalError) = DiscordInteraction.Parse(modal);
        Assert.NotNull(modalError);
        Assert.StartsWith("The recent changes", ModalFields.Read(modal.GetProperty("data"))["game_feedback"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_without_options_opens_the_form_and_the_submitted_form_joins()
    {
        await using var rig = await InteractionRig.StartAsync();

        var modal = await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee", "join"));
        Assert.Equal(9, modal.GetProperty("type").GetInt32());
        Assert.Equal("modal:coffee:join", modal.GetProperty("data").GetProperty("custom_id").GetString());
        Assert.InRange(modal.GetProperty("data").GetProperty("components").GetArrayLength(), 1, 5);

        var reply = await rig.CallbackOfAsync(DiscordPayloads.Modal("modal:coffee:join", new Dictionary<string, string> { ["interests"] = "law, reference", ["tz"] = "Europe/London", ["stage"] = "" }));
        Assert.StartsWith("Welcome", reply.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(["law", "reference"], (await rig.MemberAsync("111"))!.Profile.Interests);
    }

    [Fact]
    public async Task A_form_with_a_bad_time_zone_is_answered_with_the_reason_and_stores_nothing()
    {
        await using var rig = await InteractionRig.StartAsync();

        var reply = await rig.CallbackOfAsync(DiscordPayloads.Modal("modal:coffee:join", new Dictionary<string, string> { ["interests"] = "law", ["tz"] = "Mars/Olympus" }));

        Assert.Contains("Mars/Olympus", reply.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Null(await rig.MemberAsync("111"));
    }

    [Fact]
    public async Task A_check_in_button_pressed_in_a_DM_is_recorded_in_its_server()
    {
        await using var rig = await InteractionRig.StartAsync();
        var admin = new Dictionary<string, object> { ["channel"] = DiscordPayloads.Channel, ["day"] = "monday", ["time"] = "09:00", ["tz"] = "UTC" };
        await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee-admin", "setup", admin, user: "9", permissions: DiscordPayloads.ManageServer));
        await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee", "join", Profile, user: "111"));
        await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee", "join", Profile, user: "222"));
        await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee-admin", "pair-now", user: "9", permissions: DiscordPayloads.ManageServer));
        var round = Assert.Single(rig.Core.Store.RoundsOf(InteractionRig.Community));
        var button = CoffeeTexts.CheckInButtons(round.RoundId)[0];

        var reply = await rig.CallbackOfAsync(DiscordPayloads.Button(ButtonIds.Encode(DiscordPayloads.Guild, button.Command)!, user: "111"));

        Assert.StartsWith("Wonderful", reply.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Single(await rig.Core.Store.GetCheckInsAsync(round.RoundId));
    }

    [Fact]
    public async Task An_interaction_replayed_after_a_resume_is_answered_once()
    {
        await using var rig = await InteractionRig.StartAsync();
        var interaction = DiscordPayloads.Slash("coffee", "status");

        await rig.DispatchAsync(interaction);
        await rig.DispatchAsync(interaction);
        await rig.Rest.WaitForAsync("interactions/");
        // Disposing waits for every answer the handler started: a replay that was not dropped has answered by now.
        await rig.Handler.DisposeAsync();

        Assert.Single(rig.Rest.To("interactions/"));
    }

    [Fact]
    public async Task Time_zones_autocomplete_from_what_is_typed()
    {
        await using var rig = await InteractionRig.StartAsync();

        var callback = await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee", "join", new Dictionary<string, object> { ["tz"] = "America/Chi" }, focused: "tz"));

        Assert.Equal(8, callback.GetProperty("type").GetInt32());
        var choices = callback.GetProperty("data").GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()).ToList();
        Assert.Contains("America/Chicago", choices);
        Assert.InRange(choices.Count, 1, 25);
    }

    [Fact]
    public async Task Interests_autocomplete_completes_the_last_tag_with_the_communitys_interests()
    {
        await using var rig = await InteractionRig.StartAsync();
        await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee", "join", new Dictionary<string, object> { ["interests"] = "zine-libraries", ["tz"] = "UTC" }, user: "5"));

        var callback = await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee", "edit", new Dictionary<string, object> { ["interests"] = "archives, zine" }, focused: "interests"));

        var choices = callback.GetProperty("data").GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()).ToList();
        Assert.Equal("archives,zine-libraries", choices[0]);
    }

    [Fact]
    public async Task Organiser_commands_named_in_replies_use_their_Discord_name()
    {
        await using var rig = await InteractionRig.StartAsync();
        var admin = new Dictionary<string, object> { ["channel"] = DiscordPayloads.Channel, ["day"] = "monday", ["time"] = "09:00", ["tz"] = "UTC" };

        var reply = await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee-admin", "setup", admin, user: "9", permissions: DiscordPayloads.ManageServer));

        var text = reply.GetProperty("data").GetProperty("content").GetString()!;
        Assert.Contains("/coffee-admin preview", text, StringComparison.Ordinal);
        Assert.DoesNotContain("`/coffee preview", text, StringComparison.Ordinal);
    }
}
