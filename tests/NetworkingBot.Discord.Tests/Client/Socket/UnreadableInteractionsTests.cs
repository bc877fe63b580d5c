using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Timing;
using NetworkingBot.Discord.Client.Socket;
using NetworkingBot.Discord.Interactions;
using NetworkingBot.Testing;
using NetworkingBot.Testing.FakeDiscord;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Discord.Tests.Client.Socket;

/// <summary>
/// The answer to an interaction the guarded socket kept from Discord.Net: private, "couldn't read that", once per id,
/// and never retried past Discord's 3 s for a first response.
/// </summary>
public sealed class UnreadableInteractionsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task The_sender_is_told_privately_once_even_when_the_interaction_comes_again_after_a_resume()
    {
        await using var rig = await Rig.StartAsync();

        rig.Answers.Answer(new UnreadableInteraction("501", "tok-501", Autocomplete: false, "a field has the wrong type"));
        rig.Answers.Answer(new UnreadableInteraction("501", "tok-501", Autocomplete: false, "a field has the wrong type"));
        var call = await rig.Rest.WaitForAsync(c => c.Is("POST", "interactions/501/tok-501/callback"), Wait);
        await rig.Time.DrainAsync(Wait);

        Assert.Equal(4, call.Body!.Value.GetProperty("type").GetInt32());
        Assert.Equal(ReplyRenderer.Ephemeral, call.Body!.Value.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal("⚠️ " + UnreadableInteractions.CannotReadText, call.Body!.Value.GetProperty("data").GetProperty("content").GetString());
        Assert.Single(rig.Rest.Calls, c => c.Is("POST", "interactions/"));
        Assert.True(call.Succeeded);
        Assert.DoesNotContain(rig.Logger.Entries, e => e.Message.Contains("refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreadable_autocomplete_gets_no_suggestions()
    {
        await using var rig = await Rig.StartAsync();

        rig.Answers.Answer(new UnreadableInteraction("502", "tok-502", Autocomplete: true, "a field has the wrong type"));
        var call = await rig.Rest.WaitForAsync(c => c.Is("POST", "interactions/502/"), Wait);

        Assert.Equal(8, call.Body!.Value.GetProperty("type").GetInt32());
        Assert.Equal(0, call.Body!.Value.GetProperty("data").GetProperty("choices").GetArrayLength());
    }

    [Fact]
    public async Task A_429_that_ends_in_time_is_waited_out_and_the_answer_arrives()
    {
        await using var rig = await Rig.StartAsync();
        rig.Rest.RateLimitNext(1, retryAfterSeconds: 0.3, method: "POST", pathPrefix: "interactions/");

        rig.Answers.Answer(new UnreadableInteraction("503", "tok-503", Autocomplete: false, "a field has the wrong type"));
        await rig.Rest.WaitForAsync(c => c.Is("POST", "interactions/503/") && c.Succeeded, Wait);

        var attempts = rig.Rest.Calls.Where(c => c.Is("POST", "interactions/503/")).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(429, attempts[0].Status);
        Assert.True(attempts[1].Succeeded);
    }

    [Fact]
    public async Task A_429_that_ends_past_the_3_s_is_not_retried_and_one_line_says_so()
    {
        await using var rig = await Rig.StartAsync();
        rig.Rest.RateLimitNext(100, retryAfterSeconds: 10, method: "POST", pathPrefix: "interactions/");

        rig.Answers.Answer(new UnreadableInteraction("504", "tok-504", Autocomplete: false, "a field has the wrong type"));
        await Eventually.TrueAsync(() => rig.Logger.Entries.Any(e => e.Message.Contains("past the 3 s", StringComparison.Ordinal)), "the give-up line", Wait);
        await rig.Time.DrainAsync(Wait);

        Assert.Single(rig.Rest.Calls, c => c.Is("POST", "interactions/504/"));
        Assert.Single(rig.Logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("past the 3 s", StringComparison.Ordinal));
    }

    private sealed class Rig : IAsyncDisposable
    {
        private Rig(FakeDiscordRest rest, CoreHarness core)
        {
            Rest = rest;
            Core = core;
            var catalog = core.GetService<CommandCatalog>();
            Answers = new UnreadableInteractions(
                Options.Create(new DiscordOptions { Token = "test-token", ApiBaseUrl = rest.ApiBaseUrl }),
                new ReplyRenderer(new DiscordText(catalog), NullLogger<ReplyRenderer>.Instance),
                Time, TimeProvider.System, Logger);
        }

        public FakeDiscordRest Rest { get; }

        public CoreHarness Core { get; }

        public AnswerInTime Time { get; } = new(TimeProvider.System, NullLogger<AnswerInTime>.Instance);

        public RecordingLogger<UnreadableInteractions> Logger { get; } = new();

        public UnreadableInteractions Answers { get; }

        public static async Task<Rig> StartAsync() => new(await FakeDiscordRest.StartAsync(), new CoreHarness());

        public async ValueTask DisposeAsync()
        {
            await Time.DrainAsync(Wait);
            Answers.Dispose();
            await Core.DisposeAsync();
            await Rest.DisposeAsync();
        }
    }
}
