using System.Text.Json.Nodes;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Forms;
using NetworkingBot.Slack.Interactions;
using NetworkingBot.Testing.FakeSlack;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Slack.Tests;

/// <summary>The one Slack form renderer and reader: a form written only in the core opens and submits here, and Slack's limits are enforced at start.</summary>
public sealed class GenericFormTests
{
    [Fact]
    public async Task A_form_added_only_in_the_core_opens_with_views_open_and_its_submission_runs_the_command()
    {
        await using var host = await SlackTestHost.StartAsync(extra: s => s.AddCommand<ProposeBookHandler>());
        var socket = await host.Slack.NextSocketAsync();

        await host.SendAsync(socket, SlackEnvelopes.SlashCommand("propose", "U0CLB001", command: "/club"));
        var view = (await host.Slack.WaitForCallAsync("views.open")).Json("view");

        Assert.Equal(ProposeBookHandler.Spec.FormId, view.GetProperty("callback_id").GetString());
        Assert.Equal("Propose a book", view.GetProperty("title").GetProperty("text").GetString());
        var blocks = view.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal(["book", "why", "genre", "formats", "host", "meet"], blocks.Select(b => b.GetProperty("block_id").GetString()));
        Assert.Equal(
            ["plain_text_input", "plain_text_input", "static_select", "multi_static_select", "users_select", "datepicker"],
            blocks.Select(b => b.GetProperty("element").GetProperty("type").GetString()));
        Assert.True(blocks[1].GetProperty("element").GetProperty("multiline").GetBoolean());
        Assert.False(blocks[0].GetProperty("optional").GetBoolean());
        Assert.Equal(200, blocks[0].GetProperty("element").GetProperty("max_length").GetInt32());

        var submission = SlackEnvelopes.JoinSubmission("U0CLB001",
            new Dictionary<string, string> { ["book"] = "Middlemarch" }, new Dictionary<string, string> { ["genre"] = "fiction" }, callbackId: ProposeBookHandler.Spec.FormId);
        var values = submission["payload"]!["view"]!["state"]!["values"]!.AsObject();
        values["formats"] = Input(new JsonObject { ["type"] = "multi_static_select", ["selected_options"] = new JsonArray(Option("print"), Option("audio")) });
        values["host"] = Input(new JsonObject { ["type"] = "users_select", ["selected_user"] = "U0BOB002" });
        values["meet"] = Input(new JsonObject { ["type"] = "datepicker", ["selected_date"] = "2026-12-24" });
        var ack = await host.SendAsync(socket, submission);

        var answer = ack.Payload!.Value;
        Assert.Equal("update", answer.GetProperty("response_action").GetString());
        Assert.Contains("proposed: book=Middlemarch; formats=print,audio; genre=fiction; host=U0BOB002; meet=2026-12-24",
            answer.GetProperty("view").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_form_Slack_cannot_show_is_refused_when_the_adapter_is_built()
    {
        var tooWide = new FormSpec("A title longer than Slack's", "Go",
            [new FormField("essay", "Essay", FieldKind.LongText, MaxLength: 3001)], "Type it.");
        var spec = new SubcommandSpec("test", "wide", "a form too wide for Slack", []) { Form = tooWide };

        var refused = Assert.Throws<InvalidOperationException>(() => new SlackForms(new CommandCatalog([new CommandRegistration(spec, typeof(ProposeBookHandler))])));

        Assert.Contains("is over 24 characters", refused.Message, StringComparison.Ordinal);
        Assert.Contains("allows 3001 characters, over Slack's 3000", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_form_in_the_catalogue_fits_Slack()
    {
        using var core = new CoreHarness();
        var catalog = core.GetService<CommandCatalog>();

        Assert.NotEmpty(catalog.Forms);
        Assert.Empty(catalog.Forms.SelectMany(SlackForms.Problems));
    }

    private static JsonObject Input(JsonObject element) => new() { ["value"] = element };

    private static JsonObject Option(string value) => new() { ["value"] = value, ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = value } };
}
