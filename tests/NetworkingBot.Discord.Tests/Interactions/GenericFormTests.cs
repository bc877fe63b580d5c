using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Forms;
using NetworkingBot.Discord.Interactions;
using NetworkingBot.Testing.FakeDiscord;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Discord.Tests.Interactions;

/// <summary>The one Discord form renderer and reader: a form written only in the core opens and submits here, and Discord's limits are enforced at start.</summary>
public sealed class GenericFormTests
{
    [Fact]
    public async Task A_form_added_only_in_the_core_opens_as_a_modal_and_its_submission_runs_the_command()
    {
        await using var rig = await InteractionRig.StartAsync(extra: s => s.AddCommand<ProposeBookHandler>());

        var modal = await rig.CallbackOfAsync(DiscordPayloads.Slash("club", "propose", new Dictionary<string, object> { ["meet"] = "2026-12-24" }));

        Assert.Equal(9, modal.GetProperty("type").GetInt32());
        var data = modal.GetProperty("data");
        Assert.Equal("Propose a book", data.GetProperty("title").GetString());
        var components = data.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("component")).ToList();
        // Five inputs: the sixth field (meet) was typed as an option and waits for the submission.
        Assert.Equal(["book", "why", "genre", "formats", "host"], components.Select(c => c.GetProperty("custom_id").GetString()));
        Assert.Equal([4, 4, 3, 3, 5], components.Select(c => c.GetProperty("type").GetInt32()));
        Assert.Equal(2, components[1].GetProperty("style").GetInt32());
        Assert.True(components[0].GetProperty("required").GetBoolean());
        Assert.Equal(3, components[3].GetProperty("max_values").GetInt32());
        var customId = data.GetProperty("custom_id").GetString()!;
        Assert.StartsWith("modal:club:propose:", customId, StringComparison.Ordinal);

        var reply = await rig.CallbackOfAsync(DiscordPayloads.Modal(customId, new Dictionary<string, string>
        {
            ["book"] = " Middlemarch ", ["why"] = "", ["genre"] = "fiction", ["formats"] = "print,audio", ["host"] = "222",
        }));

        Assert.Equal("proposed: book=Middlemarch; formats=print,audio; genre=fiction; host=222; meet=2026-12-24",
            reply.GetProperty("data").GetProperty("content").GetString());
    }

    [Fact]
    public async Task The_same_command_typed_with_what_the_form_asks_runs_without_a_form()
    {
        await using var rig = await InteractionRig.StartAsync(extra: s => s.AddCommand<ProposeBookHandler>());

        var reply = await rig.CallbackOfAsync(DiscordPayloads.Slash("club", "propose", new Dictionary<string, object> { ["book"] = "Beloved" }));

        Assert.Equal(4, reply.GetProperty("type").GetInt32());
        Assert.Equal("proposed: book=Beloved", reply.GetProperty("data").GetProperty("content").GetString());
    }

    [Fact]
    public void A_form_Discord_cannot_show_is_refused_when_the_adapter_is_built()
    {
        var tooMuch = new FormSpec(new string('T', 46), "Go",
        [
            .. Enumerable.Range(1, 6).Select(i => new FormField($"f{i}", $"Field {i}", Required: true, MaxLength: 100)),
            new FormField("long", new string('L', 46), MaxLength: 4001),
            new FormField("pick", "Pick", FieldKind.Choice, Choices: [.. Enumerable.Range(1, 26).Select(i => $"c{i}")]),
        ], "Type it.");
        var spec = new SubcommandSpec("test", "wide", "a form too wide for Discord", []) { Form = tooMuch };
        var catalog = new CommandCatalog([new CommandRegistration(spec, typeof(ProposeBookHandler))]);

        var refused = Assert.Throws<InvalidOperationException>(() => new DiscordForms(catalog, new FakeTimeProvider()));

        Assert.Contains("over 45 characters", refused.Message, StringComparison.Ordinal);
        Assert.Contains("6 required fields, but a modal holds 5 inputs", refused.Message, StringComparison.Ordinal);
        Assert.Contains("allows 4001 characters, over Discord's 4000", refused.Message, StringComparison.Ordinal);
        Assert.Contains("26 choices, over 25", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_form_in_the_catalogue_fits_Discord()
    {
        using var core = new CoreHarness();
        var catalog = core.GetService<CommandCatalog>();

        Assert.NotEmpty(catalog.Forms);
        Assert.Empty(catalog.Forms.SelectMany(DiscordForms.Problems));
    }

    [Fact]
    public void Options_carried_into_a_form_are_forgotten_after_fifteen_minutes()
    {
        var clock = new FakeTimeProvider();
        using var core = new CoreHarness(extra: s => s.AddCommand<ProposeBookHandler>());
        var forms = new DiscordForms(core.GetService<CommandCatalog>(), clock);
        var typed = new CommandRequest("club", "propose", new Dictionary<string, string> { ["meet"] = "2026-12-24" });
        var customId = forms.Build(ProposeBookHandler.Spec, typed, "42")["custom_id"]!.GetValue<string>();

        clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var (spec, request) = forms.Read(customId, new Dictionary<string, string> { ["book"] = "Beloved" });

        Assert.Same(ProposeBookHandler.Spec, spec);
        Assert.Null(request);
    }
}
