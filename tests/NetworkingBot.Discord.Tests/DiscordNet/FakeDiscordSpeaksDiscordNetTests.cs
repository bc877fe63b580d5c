using System.Text.Json;
using Discord;
using Discord.WebSocket;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Discord.Tests.DiscordNet;

/// <summary>
/// The loopback fakes are the adapter's contract, so they must speak Discord as faithfully as Discord.Net needs:
/// READY with private channels and unavailable guilds, then GUILD_CREATE; interactions with entitlements, the whole
/// channel and ids from the current time; the command PUT answer; zlib-stream after a resume.
/// </summary>
public sealed class FakeDiscordSpeaksDiscordNetTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Discord_net_gets_ready_with_the_guild_its_channel_and_the_bot_user()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        await using var gateway = await FakeDiscordGateway.StartAsync(TimeSpan.FromSeconds(10));
        await using var probe = await DiscordNetProbe.StartAsync(rest, gateway);

        await probe.WaitReadyAsync(Wait);

        var guild = probe.Client.GetGuild(ulong.Parse(DiscordPayloads.Guild, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(guild);
        Assert.True(guild.IsConnected);
        Assert.NotNull(guild.GetTextChannel(ulong.Parse(DiscordPayloads.Channel, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(FakeDiscordGateway.BotUserId, probe.Client.CurrentUser.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_slash_command_reaches_discord_net_typed_and_its_answer_reaches_the_callback_route()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        await using var gateway = await FakeDiscordGateway.StartAsync(TimeSpan.FromSeconds(10));
        await using var probe = await DiscordNetProbe.StartAsync(rest, gateway);
        probe.Answer = i => i.RespondAsync("hello", ephemeral: true);
        await probe.WaitReadyAsync(Wait);

        var payload = DiscordPayloads.Slash("coffee", "join", new Dictionary<string, object> { ["tz"] = "UTC" }, user: "101");
        await gateway.DispatchAsync("INTERACTION_CREATE", payload.GetRawText());

        var command = Assert.IsType<SocketSlashCommand>(await probe.NextInteractionAsync(Wait));
        Assert.Equal("coffee", command.Data.Name);
        var subcommand = Assert.Single(command.Data.Options);
        Assert.Equal(ApplicationCommandOptionType.SubCommand, subcommand.Type);
        Assert.Equal("UTC", Assert.Single(subcommand.Options).Value);
        Assert.Equal(DiscordPayloads.Channel, command.ChannelId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var callback = await rest.WaitForAsync(c => c.Is("POST", $"interactions/{payload.GetProperty("id").GetString()}/"), Wait);
        Assert.Equal(4, callback.Body!.Value.GetProperty("type").GetInt32());
        Assert.Equal("hello", callback.Body.Value.GetProperty("data").GetProperty("content").GetString());
    }

    [Fact]
    public async Task Discord_net_reads_an_organisers_manage_server_right_from_their_roles_in_the_guild()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        await using var gateway = await FakeDiscordGateway.StartAsync(TimeSpan.FromSeconds(10));
        await using var probe = await DiscordNetProbe.StartAsync(rest, gateway);
        await probe.WaitReadyAsync(Wait);

        await gateway.DispatchAsync("INTERACTION_CREATE", DiscordPayloads.Slash("coffee-admin", "setup", user: "900", permissions: DiscordPayloads.ManageServer).GetRawText());
        var organiser = Assert.IsType<SocketGuildUser>((await probe.NextInteractionAsync(Wait)).User);
        await gateway.DispatchAsync("INTERACTION_CREATE", DiscordPayloads.Slash("coffee-admin", "setup", user: "901").GetRawText());
        var member = Assert.IsType<SocketGuildUser>((await probe.NextInteractionAsync(Wait)).User);

        Assert.True(organiser.GuildPermissions.ManageGuild);
        Assert.False(member.GuildPermissions.ManageGuild);
    }

    [Fact]
    public async Task A_button_clicked_in_a_dm_and_a_modal_submission_reach_discord_net()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        await using var gateway = await FakeDiscordGateway.StartAsync(TimeSpan.FromSeconds(10));
        await using var probe = await DiscordNetProbe.StartAsync(rest, gateway);
        await probe.WaitReadyAsync(Wait);

        await gateway.DispatchAsync("INTERACTION_CREATE", DiscordPayloads.Button("g:1:coffee met", user: "102").GetRawText());
        var click = Assert.IsType<SocketMessageComponent>(await probe.NextInteractionAsync(Wait));
        Assert.Equal("g:1:coffee met", click.Data.CustomId);
        Assert.Null(click.GuildId);

        await gateway.DispatchAsync("INTERACTION_CREATE", DiscordPayloads.Modal("modal:coffee:join", new Dictionary<string, string> { ["interests"] = "archives" }).GetRawText());
        var modal = Assert.IsType<SocketModal>(await probe.NextInteractionAsync(Wait));
        Assert.Equal("modal:coffee:join", modal.Data.CustomId);
    }

    [Fact]
    public async Task Commands_registered_through_discord_net_come_back_with_ids_and_versions()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        await using var gateway = await FakeDiscordGateway.StartAsync(TimeSpan.FromSeconds(10));
        await using var probe = await DiscordNetProbe.StartAsync(rest, gateway);
        await probe.WaitReadyAsync(Wait);

        var registered = await probe.Client.BulkOverwriteGlobalApplicationCommandsAsync(
            [new SlashCommandBuilder().WithName("coffee").WithDescription("Coffee chats").Build()]);

        var command = Assert.Single(registered);
        Assert.Equal("coffee", command.Name);
        Assert.NotEqual(0UL, command.Id);
        Assert.Contains(rest.Calls, c => c.Is("PUT", "applications/"));
    }

    [Fact]
    public async Task After_a_drop_discord_net_resumes_on_the_resume_url_with_zlib_stream_and_gets_what_it_missed()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        await using var gateway = await FakeDiscordGateway.StartAsync(TimeSpan.FromSeconds(10));
        await using var probe = await DiscordNetProbe.StartAsync(rest, gateway);
        await probe.WaitReadyAsync(Wait);

        await gateway.DropAsync();
        var missed = DiscordPayloads.Slash("coffee", "status", user: "103");
        await gateway.DispatchAsync("INTERACTION_CREATE", missed.GetRawText());

        var resume = await gateway.WaitForOpAsync(FakeDiscordGatewayOps.Resume, timeout: Wait);
        Assert.Equal("/resume", resume.Path);
        Assert.Contains("compress=zlib-stream", resume.Query, StringComparison.Ordinal);
        var replayed = Assert.IsType<SocketSlashCommand>(await probe.NextInteractionAsync(Wait));
        Assert.Equal(missed.GetProperty("id").GetString(), replayed.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
