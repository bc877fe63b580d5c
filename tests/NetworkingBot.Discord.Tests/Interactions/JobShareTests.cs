using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Discord.Commands;
using NetworkingBot.Discord.Delivery;
using NetworkingBot.Discord.Interactions;
using NetworkingBot.Discord.Tests.Client;
using NetworkingBot.Testing.FakeDiscord;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Discord.Tests.Interactions;

/// <summary>/job on Discord: the share form, the lead's embed, and member text that cannot ping anyone.</summary>
public sealed class JobShareTests
{
    private static async Task BoardAsync(InteractionRig rig) =>
        Assert.IsType<Reply>(await rig.Core.Dispatcher.DispatchAsync(
            new CommandContext(CommunityId.Parse(InteractionRig.Community), DiscordPayloads.Channel, new UserRef("9", "org"), true), "/job setup channel:555"));

    private static async Task<string> OpenFormAsync(InteractionRig rig, Dictionary<string, object> options)
    {
        var modal = await rig.CallbackOfAsync(DiscordPayloads.Slash("job", "share", options));
        Assert.Equal(9, modal.GetProperty("type").GetInt32());
        var data = modal.GetProperty("data");
        Assert.Equal(5, data.GetProperty("components").GetArrayLength());
        var customId = data.GetProperty("custom_id").GetString()!;
        Assert.StartsWith("modal:job:share:", customId, StringComparison.Ordinal);
        Assert.True(customId.Length <= 100);
        return customId;
    }

    [Fact]
    public async Task Share_opens_a_form_for_the_long_fields_and_its_submission_posts_the_lead_with_the_slash_options()
    {
        await using var rig = await InteractionRig.StartAsync();
        await BoardAsync(rig);
        var form = await OpenFormAsync(rig, new() { ["type"] = "internship", ["anonymous"] = "yes", ["tags"] = "archives" });

        var reply = await rig.CallbackOfAsync(DiscordPayloads.Modal(form, new Dictionary<string, string>
        {
            ["title"] = "Archives Intern", ["employer"] = "Spencer Research Library", ["location"] = "Lawrence", ["link"] = "", ["note"] = "Paid, 20 h/week",
        }));

        Assert.Contains("Lead #1", reply.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        var lead = Assert.Single(await rig.Core.GetService<IJobLeadStore>().ListLeadsAsync(InteractionRig.Community, DateTimeOffset.MinValue));
        Assert.Equal((JobType.Internship, true, "Paid, 20 h/week", null), (lead.Type, lead.Anonymous, lead.Note, lead.Link));
        Assert.Equal(["archives"], lead.Tags);
        Assert.True(Assert.Single(rig.Core.Messenger.ChannelPosts).Card);
    }

    [Fact]
    public async Task Without_a_type_option_the_form_asks_for_the_type_and_every_label_fits_Discords_limit()
    {
        await using var rig = await InteractionRig.StartAsync();
        await BoardAsync(rig);

        var modal = await rig.CallbackOfAsync(DiscordPayloads.Slash("job", "share"));

        var labels = modal.GetProperty("data").GetProperty("components").EnumerateArray().ToList();
        Assert.All(labels, l => Assert.InRange(l.GetProperty("label").GetString()!.Length, 1, 45));
        var menu = labels.Single(l => l.GetProperty("component").GetProperty("custom_id").GetString() == "type").GetProperty("component");
        Assert.Equal(3, menu.GetProperty("type").GetInt32());
        Assert.Equal(JobTypes.Names, menu.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("value").GetString()));

        var form = modal.GetProperty("data").GetProperty("custom_id").GetString()!;
        var reply = await rig.CallbackOfAsync(DiscordPayloads.Modal(form, new Dictionary<string, string> { ["title"] = "T", ["employer"] = "E", ["type"] = "volunteer", ["location"] = "Salina" }));
        Assert.Contains("Lead #1", reply.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_whose_options_were_forgotten_is_refused_and_shares_nothing()
    {
        await using var rig = await InteractionRig.StartAsync();
        await BoardAsync(rig);

        var reply = await rig.CallbackOfAsync(DiscordPayloads.Modal("modal:job:share:123456", new Dictionary<string, string> { ["title"] = "T", ["employer"] = "E" }));

        Assert.Contains("/job share", reply.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Empty(await rig.Core.GetService<IJobLeadStore>().ListLeadsAsync(InteractionRig.Community, DateTimeOffset.MinValue));
    }

    [Fact]
    public async Task Mentions_typed_into_every_field_reach_Discord_without_any_ping()
    {
        const string Ping = "<@222> <@!223> <@&333> @everyone @here";
        await using var rig = await InteractionRig.StartAsync();
        await BoardAsync(rig);
        var form = await OpenFormAsync(rig, new() { ["type"] = "full-time", ["salary"] = Ping, ["tags"] = "x" });
        await rig.CallbackOfAsync(DiscordPayloads.Modal(form, new Dictionary<string, string>
        {
            ["title"] = Ping, ["employer"] = Ping, ["location"] = Ping, ["note"] = Ping,
        }));
        var post = Assert.Single(rig.Core.Messenger.ChannelPosts);

        await using var discord = await LibraryRig.StartAsync();
        await discord.Messenger.SendAsync(post, CancellationToken.None);

        var body = Assert.Single(discord.Fake.Calls, c => c.Is("POST", "channels/")).Body!.Value;
        var mentions = body.GetProperty("allowed_mentions");
        Assert.Equal(0, mentions.GetProperty("parse").GetArrayLength());
        Assert.Equal(0, mentions.GetProperty("users").GetArrayLength());
        Assert.False(mentions.TryGetProperty("roles", out var roles) && roles.GetArrayLength() > 0);
        var embed = Assert.Single(body.GetProperty("embeds").EnumerateArray()).GetProperty("description").GetString()!;
        var everything = body.GetProperty("content").GetString() + embed;
        foreach (var raw in new[] { "<@222>", "<@!223>", "<@&333>", "@everyone", "@here" })
        {
            Assert.DoesNotContain(raw, everything, StringComparison.Ordinal);
        }

        Assert.Contains("Shared by <@111>", embed, StringComparison.Ordinal);
    }

    [Fact]
    public void Job_is_one_member_command_with_its_organiser_tools_under_job_admin()
    {
        var catalog = new Testing.Fakes.CoreHarness().GetService<CommandCatalog>();
        var commands = JsonSerializer.SerializeToElement(CommandDefinitions.Build(catalog, global: true)).EnumerateArray().ToList();
        string[] Names(string name) => [.. commands.Single(c => c.GetProperty("name").GetString() == name).GetProperty("options").EnumerateArray().Select(o => o.GetProperty("name").GetString()!).Order()];

        Assert.Equal(["close", "help", "list", "share", "show", "subscribe", "subscriptions", "unsubscribe"], Names("job"));
        Assert.Equal(["setup", "stats"], Names("job-admin"));
        Assert.StartsWith("Job leads", commands.Single(c => c.GetProperty("name").GetString() == "job").GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
