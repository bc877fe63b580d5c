using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Discord.Tests.Interactions;

/// <summary>Help on Discord: a subcommand like any other, answered from the core's structured topic with Discord's own command names.</summary>
public sealed class HelpInteractionTests
{
    [Fact]
    public async Task An_organisers_help_names_organiser_commands_as_they_are_typed_here()
    {
        await using var rig = await InteractionRig.StartAsync();

        var callback = await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee", "help", permissions: DiscordPayloads.ManageServer));

        var text = callback.GetProperty("data").GetProperty("content").GetString()!;
        Assert.Contains("• `/coffee join` — ", text, StringComparison.Ordinal);
        Assert.Contains("• `/coffee-admin pair-now` — ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("`/coffee pair-now`", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_with_a_command_option_explains_that_command()
    {
        await using var rig = await InteractionRig.StartAsync();

        var callback = await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee", "help", new Dictionary<string, object> { ["command"] = "join" }));

        Assert.StartsWith("`/coffee join [interests:", callback.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
    }
}
