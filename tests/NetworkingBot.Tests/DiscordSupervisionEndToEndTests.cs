using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkingBot.Core;
using NetworkingBot.Hosting;
using NetworkingBot.Testing.FakeDiscord;
using NetworkingBot.Testing.FakeSlack;
using NetworkingBot.Testing;

namespace NetworkingBot.Tests;

/// <summary>
/// The real host with Discord and Slack both configured: one adapter stopping for good leaves the other answering,
/// and only both stopping ends the process, with the documented exit code.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DiscordSupervisionEndToEndTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_rejected_Discord_token_leaves_Slack_answering_and_the_host_running()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        rest.RejectToken = true;
        await using var slack = await FakeSlackServer.StartAsync();
        using var host = PlatformHosts.DiscordAndSlack(rest, slack);
        await host.StartAsync();
        try
        {
            var supervisor = host.Services.GetRequiredService<AdapterSupervisor>();
            await supervisor.StoppedForGood("Discord").WaitAsync(Wait);
            Assert.Contains(rest.Calls, c => c.Status == 401);

            // Slack still takes commands on its socket and answers them.
            var socket = await slack.NextSocketAsync(Wait);
            var envelope = SlackEnvelopes.SlashCommand("join interests:archives tz:UTC", "U0ANA001");
            await socket.SendEnvelopeAsync(envelope);
            var ack = await slack.WaitForAckAsync(envelope["envelope_id"]!.GetValue<string>(), Wait);
            Assert.StartsWith("Welcome", ack.Payload!.Value.GetProperty("text").GetString(), StringComparison.Ordinal);

            Assert.False(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
            Assert.False(supervisor.StoppedForGood("Slack").IsCompleted);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Disallowed_intents_stop_Discord_alone_and_Slack_keeps_answering()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        await using var gateway = await FakeDiscordGateway.StartAsync(TimeSpan.FromSeconds(30));
        rest.GatewayUrl = gateway.Url.ToString();
        await using var slack = await FakeSlackServer.StartAsync();
        using var host = PlatformHosts.DiscordAndSlack(rest, slack);
        await host.StartAsync();
        try
        {
            // 4014: a setting in the Developer Portal, which no retry can fix: the shard, then Discord, stop for good.
            await gateway.WaitForOpAsync(FakeDiscordGatewayOps.Identify, timeout: Wait);
            await gateway.CloseAsync(4014);
            await host.Services.GetRequiredService<AdapterSupervisor>().StoppedForGood("Discord").WaitAsync(Wait);
            Assert.Equal(1, gateway.ConnectionCount);

            var socket = await slack.NextSocketAsync(Wait);
            var envelope = SlackEnvelopes.SlashCommand("join interests:archives tz:UTC", "U0ANA001");
            await socket.SendEnvelopeAsync(envelope);
            var ack = await slack.WaitForAckAsync(envelope["envelope_id"]!.GetValue<string>(), Wait);
            Assert.StartsWith("Welcome", ack.Payload!.Value.GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.False(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_Discord_adapter_that_faults_is_restarted_and_then_answers()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        await using var gateway = await FakeDiscordGateway.StartAsync(TimeSpan.FromSeconds(30));

        // GET /gateway/bot first answers with an address that is no URL: starting the gateway throws, a fault.
        rest.GatewayUrl = "not a gateway address";
        using var host = PlatformHosts.Discord(rest);
        await host.StartAsync();
        try
        {
            await rest.WaitForAsync(c => c.Is("GET", "gateway/bot"), Wait);
            rest.GatewayUrl = gateway.Url.ToString();

            // The supervisor starts the adapter again after its backoff; this time it connects and answers.
            await rest.WaitForCountAsync(c => c.Is("GET", "gateway/bot"), 2, Wait);
            await gateway.WaitForOpAsync(FakeDiscordGatewayOps.Identify, timeout: Wait);
            var shards = DiscordShards.Of(host);
            await Eventually.TrueAsync(() => shards.Ready, "the restarted adapter to be ready", Wait);

            var interaction = DiscordPayloads.Slash("coffee", "status", user: "101");
            await gateway.DispatchAsync("INTERACTION_CREATE", interaction.GetRawText());
            await rest.WaitForAsync(c => c.Is("POST", $"interactions/{interaction.GetProperty("id").GetString()}/"), Wait);
            Assert.False(host.Services.GetRequiredService<AdapterSupervisor>().StoppedForGood("Discord").IsCompleted);
            Assert.False(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task When_Discord_and_Slack_both_refuse_their_tokens_the_bot_exits_with_code_4_naming_both()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        rest.RejectToken = true;
        await using var slack = await FakeSlackServer.StartAsync();
        slack.FailNext("apps.connections.open", "invalid_auth");

        var (exit, _, stderr) = await ShellRunner.RunBotAsync(
        [
            "--db", ShellRunner.TempDb(), "--Discord:Token=revoked", $"--Discord:ApiBaseUrl={rest.ApiBaseUrl}",
            "--Slack:AppToken=xapp-1-revoked", "--Slack:BotToken=xoxb-test", $"--Slack:ApiBaseUrl={slack.ApiBaseUrl}", "--Slack:Connections=1",
        ]);

        Assert.True(exit == ExitCodes.AdaptersStopped, $"exit {exit}: {stderr}");
        Assert.Contains("Discord rejected the bot token: check Discord__Token", stderr, StringComparison.Ordinal);
        Assert.Contains("Slack refused the app token (invalid_auth): check Slack__AppToken", stderr, StringComparison.Ordinal);
        Assert.Contains("Every configured adapter has stopped for good", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
