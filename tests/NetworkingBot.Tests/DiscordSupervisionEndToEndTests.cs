using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkingBot.Hosting;
using NetworkingBot.Testing.FakeDiscord;
using NetworkingBot.Testing.FakeSlack;

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

        Assert.True(exit == SupervisionSettings.AllAdaptersStoppedExitCode, $"exit {exit}: {stderr}");
        Assert.Contains("Discord rejected the bot token: check Discord__Token", stderr, StringComparison.Ordinal);
        Assert.Contains("Slack refused the app token (invalid_auth): check Slack__AppToken", stderr, StringComparison.Ordinal);
        Assert.Contains("Every configured adapter has stopped for good", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
