using System.Diagnostics;
using System.Text.Json;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Tests;

/// <summary>
/// Sends an interaction through the loopback gateway and finds the call that carries the bot's answer: the immediate
/// response (type 4, or 7 for a button that updates its message), or the edit of the original that follows a deferral.
/// </summary>
internal static class DiscordAnswers
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    public static async Task<FakeDiscordRestCall> AnswerCallAsync(FakeDiscordGateway gateway, FakeDiscordRest rest, JsonElement interaction)
    {
        var id = interaction.GetProperty("id").GetString();
        await gateway.DispatchAsync("INTERACTION_CREATE", interaction.GetRawText());
        var callback = await rest.WaitForAsync(c => c.Is("POST", $"interactions/{id}/"), Wait);
        if (callback.Body!.Value.GetProperty("type").GetInt32() is 4 or 7)
        {
            return callback;
        }

        var token = interaction.GetProperty("token").GetString()!;
        return await rest.WaitForAsync(c => c.Is("PATCH", "webhooks/") && c.Path.Contains(token, StringComparison.Ordinal), Wait);
    }

    /// <summary>The answer's text, from a response's data or an edit's body.</summary>
    public static string Text(FakeDiscordRestCall answer) =>
        answer.Body!.Value.TryGetProperty("data", out var data) ? data.GetProperty("content").GetString()! : answer.BodyString("content")!;

    /// <summary>
    /// Dispatches a fresh interaction (a new id each time) until the bot answers one, within <paramref name="wait"/>:
    /// a bot process just started or a session just re-identified may not be READY yet, and Discord would not deliver
    /// to it either (a member would try again).
    /// </summary>
    public static async Task<FakeDiscordRestCall> UntilAnsweredAsync(FakeDiscordGateway gateway, FakeDiscordRest rest, Func<JsonElement> interaction, TimeSpan wait)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var payload = interaction();
            var id = payload.GetProperty("id").GetString();
            try
            {
                await gateway.DispatchAsync("INTERACTION_CREATE", payload.GetRawText());
                return await rest.WaitForAsync(c => c.Is("POST", $"interactions/{id}/"), TimeSpan.FromSeconds(3));
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException && clock.Elapsed < wait)
            {
                // Not answered (or no session to dispatch to yet): try again with a new interaction.
            }
        }
    }
}
