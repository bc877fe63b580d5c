using Microsoft.Extensions.Logging;
using NetworkingBot.Testing;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Discord.Tests.Client;

/// <summary>
/// A 429 on an interaction's first response is honoured, and retries stop when the interaction can no longer be
/// answered (Discord takes the first response only within 3 s). An independent server answered a callback with a
/// 429 and a 10 s retry_after, and the old client retried it about every 5 s with no deadline.
/// </summary>
public sealed class LibraryCallbackDeadlineTests
{
    [Fact]
    public async Task A_429_whose_retry_after_ends_past_the_deadline_is_not_retried_and_one_line_says_so()
    {
        await using var rig = await LibraryInteractionRig.StartAsync();
        rig.Rest.RateLimitNext(100, retryAfterSeconds: 10, method: "POST", pathPrefix: "interactions/");
        var payload = DiscordPayloads.Slash("coffee", "status", user: "101");

        await rig.CallbackOfAsync(payload);
        await Eventually.TrueAsync(() => rig.Logger.Entries.Any(e => e.Message.Contains("rate limited the answer", StringComparison.Ordinal)), "the give-up line", LibraryInteractionRig.Wait);

        Assert.Single(rig.Rest.Calls, c => c.Is("POST", "interactions/"));
        Assert.Single(rig.Logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(payload.GetProperty("id").GetString()!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_429_whose_retry_after_ends_in_time_is_waited_out_and_the_answer_arrives()
    {
        await using var rig = await LibraryInteractionRig.StartAsync();
        rig.Rest.RateLimitNext(1, retryAfterSeconds: 0.3, method: "POST", pathPrefix: "interactions/");
        var payload = DiscordPayloads.Slash("coffee", "status", user: "102");
        var id = payload.GetProperty("id").GetString();

        await rig.Gateway.DispatchAsync("INTERACTION_CREATE", payload.GetRawText());
        var answered = await rig.Rest.WaitForAsync(c => c.Is("POST", $"interactions/{id}/") && c.Succeeded, LibraryInteractionRig.Wait);

        var attempts = rig.Rest.Calls.Where(c => c.Is("POST", $"interactions/{id}/")).ToList();
        Assert.Equal([429, answered.Status], attempts.Select(c => c.Status));
        Assert.Equal(4, answered.Body!.Value.GetProperty("type").GetInt32());
    }
}
