using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkingBot.Slack.Api;

/// <summary>
/// The Slack Web API as the adapter uses it, shaped so a library client (SlackNet) could stand in later.
/// Every call either returns the <c>ok:true</c> body or throws <see cref="SlackApiException"/>.
/// </summary>
internal interface ISlackApi
{
    /// <summary>Calls a method with the bot token; pacing, encoding and 429 retries are handled here.</summary>
    Task<JsonElement> CallAsync(string method, JsonObject arguments, CancellationToken cancellationToken);

    /// <summary>Follows <c>response_metadata.next_cursor</c> until it is empty, yielding each item of <paramref name="itemsProperty"/>.</summary>
    IAsyncEnumerable<JsonElement> PageAsync(string method, JsonObject arguments, string itemsProperty, CancellationToken cancellationToken);

    /// <summary><c>apps.connections.open</c> with the app-level token: a fresh, single-use WebSocket URL.</summary>
    Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sends a file's bytes to the <c>upload_url</c> files.getUploadURLExternal gave (no token: the URL is the
    /// permission); files.completeUploadExternal then shares it.
    /// </summary>
    Task UploadAsync(Uri uploadUrl, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken);

    /// <summary>Posts a message to an interaction's <c>response_url</c>.</summary>
    Task RespondAsync(Uri responseUrl, JsonObject message, CancellationToken cancellationToken);
}
