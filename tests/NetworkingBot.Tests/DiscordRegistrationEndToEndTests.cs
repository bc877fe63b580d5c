using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkingBot.Hosting;
using NetworkingBot.Testing.FakeDiscord;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Tests;

/// <summary>
/// Discord refusing the command set for good (400 Invalid Form Body) is not a network problem: retrying it kept the
/// bot offline forever. The documented choice (OPERATIONS.md): one error line naming the problem, no second attempt,
/// and the bot connects with the commands Discord already holds.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class DiscordRegistrationEndToEndTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_command_set_refused_with_a_400_is_logged_once_and_the_bot_connects_and_answers_anyway()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        await using var gateway = await FakeDiscordGateway.StartAsync(TimeSpan.FromSeconds(30));
        rest.GatewayUrl = gateway.Url.ToString();
        rest.RefuseNext(int.MaxValue, 400, 50035, "Invalid Form Body", method: "PUT", pathPrefix: "applications/");
        using var host = PlatformHosts.Discord(rest);
        using var logs = new RecordingLoggerProvider();
        host.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        await host.StartAsync();
        try
        {
            // Registration ends before the gateway opens: once the bot identifies, no other PUT can follow.
            await gateway.WaitForOpAsync(FakeDiscordGatewayOps.Identify, timeout: Wait);
            Assert.Single(rest.Calls, c => c.Is("PUT", "applications/"));
            var refused = Assert.Single(logs.Entries, e => e.Message.Contains("refused the slash command set", StringComparison.Ordinal));
            Assert.Equal(LogLevel.Error, refused.Level);
            Assert.Contains("Invalid Form Body", refused.Message, StringComparison.Ordinal);

            var answer = await DiscordAnswers.AnswerCallAsync(gateway, rest, DiscordPayloads.Slash("coffee", "help", user: "101"));
            Assert.True(answer.Succeeded, $"the answer got {answer.Status}");
            Assert.False(host.Services.GetRequiredService<AdapterSupervisor>().StoppedForGood("Discord").IsCompleted);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
