using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Discord.Tests.Client;

/// <summary>
/// Interactions through Discord.Net, against the loopback fakes: what Discord receives as each answer. The handler
/// hands every answer off Discord.Net's gateway task and answers through its interaction API.
/// </summary>
public sealed class LibraryInteractionTests
{
    private static readonly Dictionary<string, object> Profile = new() { ["interests"] = "archives", ["tz"] = "UTC" };

    [Fact]
    public async Task A_command_finished_in_time_is_answered_in_the_first_response_privately_and_pings_nobody()
    {
        await using var rig = await LibraryInteractionRig.StartAsync();

        var answer = await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee", "join", Profile, user: "101"));

        var body = answer.Body!.Value;
        Assert.Equal(4, body.GetProperty("type").GetInt32());
        Assert.StartsWith("Welcome", body.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(64, body.GetProperty("data").GetProperty("flags").GetInt32());
        var mentions = body.GetProperty("data").GetProperty("allowed_mentions");
        Assert.Equal(0, mentions.GetProperty("parse").GetArrayLength());
        Assert.Equal(0, mentions.GetProperty("users").GetArrayLength());
        Assert.NotNull(await ((IMemberStore)rig.Core.Store).GetAsync(LibraryInteractionRig.Community, "101"));
    }

    [Fact]
    public async Task A_command_not_finished_in_the_window_is_deferred_and_its_answer_replaces_the_original()
    {
        await using var rig = await LibraryInteractionRig.StartAsync(instantWindow: TimeSpan.Zero);
        var payload = DiscordPayloads.Slash("coffee", "join", Profile, user: "102");

        var deferral = await rig.CallbackOfAsync(payload);
        var token = payload.GetProperty("token").GetString()!;
        var edit = await rig.Rest.WaitForAsync(c => c.Is("PATCH", "webhooks/") && c.Path.Contains(token, StringComparison.Ordinal), LibraryInteractionRig.Wait);

        Assert.Equal(5, deferral.Body!.Value.GetProperty("type").GetInt32());
        Assert.Equal(64, deferral.Body!.Value.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.EndsWith("/messages/@original", edit.Path, StringComparison.Ordinal);
        Assert.StartsWith("Welcome", edit.BodyString("content"), StringComparison.Ordinal);
        Assert.Equal(0, edit.Body!.Value.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public async Task An_interaction_replayed_after_a_resume_is_answered_once()
    {
        await using var rig = await LibraryInteractionRig.StartAsync();
        var payload = DiscordPayloads.Slash("coffee", "join", Profile, user: "103");

        await rig.CallbackOfAsync(payload);
        await rig.Gateway.DispatchAsync("INTERACTION_CREATE", payload.GetRawText());
        // A later interaction answered shows the replay was read and passed over, not still waiting.
        await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee", "status", user: "103"));

        Assert.Single(rig.Rest.Calls, c => c.Is("POST", $"interactions/{payload.GetProperty("id").GetString()}/"));
    }

    [Fact]
    public async Task Autocomplete_for_a_time_zone_answers_with_choices()
    {
        await using var rig = await LibraryInteractionRig.StartAsync();

        var answer = await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee", "join", new Dictionary<string, object> { ["tz"] = "Europe/Lon" }, focused: "tz"));

        var body = answer.Body!.Value;
        Assert.Equal(8, body.GetProperty("type").GetInt32());
        Assert.Contains(body.GetProperty("data").GetProperty("choices").EnumerateArray(), c => c.GetProperty("value").GetString() == "Europe/London");
    }

    [Fact]
    public async Task A_command_missing_what_its_form_asks_opens_the_form_as_a_modal_with_labelled_fields()
    {
        await using var rig = await LibraryInteractionRig.StartAsync();

        var answer = await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee", "join", user: "104"));

        var body = answer.Body!.Value;
        Assert.Equal(9, body.GetProperty("type").GetInt32());
        var data = body.GetProperty("data");
        Assert.StartsWith("modal:", data.GetProperty("custom_id").GetString(), StringComparison.Ordinal);
        Assert.All(data.GetProperty("components").EnumerateArray(), c => Assert.Equal(18, c.GetProperty("type").GetInt32()));
        Assert.Null(await ((IMemberStore)rig.Core.Store).GetAsync(LibraryInteractionRig.Community, "104"));
    }

    [Fact]
    public async Task Organisers_are_those_whose_roles_grant_manage_server_or_a_configured_role_never_others()
    {
        await using var rig = await LibraryInteractionRig.StartAsync(organiserRoles: [DiscordPayloads.HostsRole]);

        // Discord.Net computes rights from the member's roles in the guild (Managers grants Manage Server).
        var member = await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee-admin", "stats", user: "105"));
        var manager = await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee-admin", "stats", user: "106", roles: [DiscordPayloads.ManagersRole]));
        var host = await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee-admin", "stats", user: "107", roles: [DiscordPayloads.HostsRole]));

        Assert.Contains("for organisers only", Content(member), StringComparison.Ordinal);
        Assert.DoesNotContain("for organisers only", Content(manager), StringComparison.Ordinal);
        Assert.DoesNotContain("for organisers only", Content(host), StringComparison.Ordinal);
    }

    private static string Content(FakeDiscordRestCall call) => call.Body!.Value.GetProperty("data").GetProperty("content").GetString()!;
}
