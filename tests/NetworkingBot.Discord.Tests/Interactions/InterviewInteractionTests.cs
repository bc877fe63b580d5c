using System.Text.Json;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Discord.Commands;
using NetworkingBot.Discord.Interactions;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Discord.Tests.Interactions;

/// <summary>Informational interviews through the Discord interaction handler: typed options, the request form, the buttons, autocomplete.</summary>
public sealed class InterviewInteractionTests
{
    private static readonly Dictionary<string, object> Offer = new() { ["specialties"] = "oral-history,archives", ["role"] = "Archivist", ["capacity"] = 2 };

    private static string? Content(JsonElement callback) => callback.GetProperty("data").GetProperty("content").GetString();

    [Fact]
    public async Task Request_without_learn_opens_the_form_and_the_submitted_form_asks_a_volunteer_whose_Accept_button_introduces_both()
    {
        await using var rig = await InteractionRig.StartAsync();
        Assert.StartsWith("Thank you for volunteering", Content(await rig.CallbackOfAsync(DiscordPayloads.Slash("interview", "offer", Offer, user: "222"))), StringComparison.Ordinal);

        var modal = await rig.CallbackOfAsync(DiscordPayloads.Slash("interview", "request", new Dictionary<string, object> { ["specialties"] = "oral-history" }));
        Assert.Equal(9, modal.GetProperty("type").GetInt32());
        var form = modal.GetProperty("data");
        Assert.Equal("modal:interview:request", form.GetProperty("custom_id").GetString());
        Assert.Equal("oral-history", form.GetProperty("components")[0].GetProperty("component").GetProperty("value").GetString());
        Assert.Equal(InterviewInput.MaxLearn, form.GetProperty("components")[1].GetProperty("component").GetProperty("max_length").GetInt32());

        var reply = await rig.CallbackOfAsync(DiscordPayloads.Modal("modal:interview:request",
            new Dictionary<string, string> { ["specialties"] = "oral-history", ["learn"] = "How do you record interviews?" }));
        Assert.StartsWith("Your request", Content(reply), StringComparison.Ordinal);
        var ask = Assert.Single(rig.Core.Messenger.DirectTo("222"));
        var accept = Assert.Single(ask.Buttons, b => b.Label == "Accept");
        var customId = ButtonIds.Encode(DiscordPayloads.Guild, accept.Command);
        Assert.NotNull(customId);
        Assert.True(customId.Length <= 100);

        var accepted = await rig.CallbackOfAsync(DiscordPayloads.Button(customId, user: "222"));
        Assert.StartsWith("Thank you! I've introduced you", Content(accepted), StringComparison.Ordinal);
        Assert.Contains(rig.Core.Messenger.DirectTo("111"), m => m.Text.Contains("<@222>", StringComparison.Ordinal));
        Assert.StartsWith("⚠️ You already accepted", Content(await rig.CallbackOfAsync(DiscordPayloads.Button(customId, user: "222"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_with_a_2000_character_answer_is_refused_and_nothing_is_stored()
    {
        await using var rig = await InteractionRig.StartAsync();
        var reply = await rig.CallbackOfAsync(DiscordPayloads.Modal("modal:interview:request",
            new Dictionary<string, string> { ["specialties"] = "archives", ["learn"] = new string('x', 2000) }));

        Assert.Contains("at most 500 characters", Content(reply), StringComparison.Ordinal);
        Assert.Empty(await rig.Core.GetService<IInterviewStore>().ListRequestsAsync(InteractionRig.Community));
    }

    [Fact]
    public async Task Offer_pause_is_a_typed_subcommand_of_interview()
    {
        await using var rig = await InteractionRig.StartAsync();
        await rig.CallbackOfAsync(DiscordPayloads.Slash("interview", "offer", Offer, user: "222"));
        Assert.StartsWith("Paused", Content(await rig.CallbackOfAsync(DiscordPayloads.Slash("interview", "offer-pause", user: "222"))), StringComparison.Ordinal);
        Assert.Equal(OfferStatus.Paused, (await rig.Core.GetService<IInterviewStore>().GetOfferAsync(InteractionRig.Community, "222"))!.Status);
    }

    [Fact]
    public async Task Specialty_autocomplete_offers_what_volunteers_offer()
    {
        await using var rig = await InteractionRig.StartAsync();
        await rig.CallbackOfAsync(DiscordPayloads.Slash("interview", "offer", Offer, user: "222"));
        var autocomplete = new Autocomplete(rig.Core.Store, rig.Core.GetService<IInterviewStore>());

        var choices = await autocomplete.SuggestAsync(OptionKind.Tags, InteractionRig.Community, "oral", CancellationToken.None);

        Assert.Contains(choices, c => c!["value"]!.GetValue<string>() == "oral-history");
    }

    [Fact]
    public void Interview_is_registered_as_one_command_with_typed_options_and_autocomplete_on_specialties()
    {
        var catalog = new Testing.Fakes.CoreHarness().GetService<CommandCatalog>();
        var commands = JsonSerializer.SerializeToElement(CommandDefinitions.Build(catalog, global: true)).EnumerateArray().ToList();
        var interview = commands.Single(c => c.GetProperty("name").GetString() == "interview");
        Assert.StartsWith("Informational interviews", interview.GetProperty("description").GetString(), StringComparison.Ordinal);
        var subs = interview.GetProperty("options").EnumerateArray().ToDictionary(o => o.GetProperty("name").GetString()!);
        Assert.Subset(new HashSet<string> { "offer", "offer-pause", "offer-resume", "offer-stop", "request", "list", "cancel", "respond", "followup", "help" }, subs.Keys.ToHashSet());
        var specialties = subs["request"].GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "specialties");
        Assert.True(specialties.GetProperty("autocomplete").GetBoolean());
        var capacity = subs["offer"].GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "capacity");
        Assert.Equal(4, capacity.GetProperty("type").GetInt32());
        Assert.DoesNotContain("stats", subs.Keys);

        // Its one organiser tool (issue 17) is its own command, visible by default only to Manage Server, like the others'.
        var admin = commands.Single(c => c.GetProperty("name").GetString() == "interview-admin");
        Assert.Equal(["stats"], admin.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("name").GetString()).Where(n => n != "help"));
    }
}
