using System.Text.Json;

namespace NetworkingBot.Discord.Rest;

/// <summary>
/// Discord's HTTP API: sends one request through the rate limiter and returns the JSON body (null for 204).
/// Waits out rate limits and retries 429s and transient 5xx failures, so a call that returns was done once.
/// Discord's error bodies become <see cref="DiscordApiException"/>.
/// </summary>
public interface IDiscordRest
{
    Task<JsonElement?> SendAsync(DiscordRoute route, object? body, CancellationToken cancellationToken);

    /// <summary>
    /// Sends <paramref name="body"/> with <paramref name="files"/> as multipart/form-data (<c>payload_json</c> and
    /// <c>files[n]</c>); with no files it is the plain JSON request.
    /// </summary>
    Task<JsonElement?> SendAsync(DiscordRoute route, object? body, IReadOnlyList<DiscordFileUpload> files, CancellationToken cancellationToken);
}
