using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Timing;
using NetworkingBot.Discord.Interactions;

namespace NetworkingBot.Discord.Client.Socket;

/// <summary>
/// Answers the interactions the guarded socket keeps from Discord.Net because their fields have the wrong types: the
/// member who clicked or typed is still waiting, so they are told privately that the request could not be read
/// (an autocomplete gets no suggestions). Discord.Net never saw the interaction, so it cannot answer it; the callback
/// goes straight to Discord's REST API (with the bot token, as Discord.Net sends every request), and is given up, with
/// one log line, once Discord's 3 s for a first response have passed. A replay after a resume is answered once.
/// </summary>
public sealed partial class UnreadableInteractions(
    IOptions<DiscordOptions> options,
    ReplyRenderer renderer,
    [FromKeyedServices(LibraryServiceCollectionExtensions.Key)] AnswerInTime answers,
    TimeProvider time,
    ILogger<UnreadableInteractions> logger) : IDisposable
{
    /// <summary>The answer to an interaction whose payload could not be read (a field of the wrong type).</summary>
    public const string CannotReadText = "Sorry, I couldn't read that request. Please try the command again; if it keeps happening, tell an organiser.";

    private const string UserAgent = "DiscordBot (https://github.com/networkingbot, 1.0)";

    private readonly HttpClient _http = new() { BaseAddress = WithSlash(options.Value.ApiBaseUrl), Timeout = DiscordInteraction.CallbackWindow };
    private readonly RecentIds _seen = new(10_000);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Answers off the socket's read loop; called once per unreadable interaction frame.</summary>
    internal void Answer(UnreadableInteraction interaction)
    {
        LogAnswering(interaction.Id, interaction.Reason);
        if (!_seen.Add(interaction.Id))
        {
            return;
        }

        var deadline = time.GetUtcNow() + DiscordInteraction.CallbackWindow;
        var token = _stopping.Token;
        answers.Run(() => SendAsync(interaction, deadline, token));
    }

    private async Task SendAsync(UnreadableInteraction interaction, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        // An autocomplete cannot show a message: it gets no suggestions, and the command itself is answered later.
        var body = interaction.Autocomplete
            ? new JsonObject { ["type"] = 8, ["data"] = new JsonObject { ["choices"] = new JsonArray() } }
            : new JsonObject { ["type"] = 4, ["data"] = renderer.Render(CommandResult.Fail("unreadable", CannotReadText), null)[0] };
        var path = $"interactions/{Uri.EscapeDataString(interaction.Id)}/{Uri.EscapeDataString(interaction.Token)}/callback";
        try
        {
            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
                request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
                request.Headers.TryAddWithoutValidation("Authorization", "Bot " + options.Value.Token);
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    if (!response.IsSuccessStatusCode)
                    {
                        LogRefused(interaction.Id, (int)response.StatusCode);
                    }

                    return;
                }

                var wait = await RetryAfterAsync(response, cancellationToken).ConfigureAwait(false);
                if (time.GetUtcNow() + wait >= deadline)
                {
                    LogGivenUp(interaction.Id, wait.TotalSeconds);
                    return;
                }

                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(interaction.Id, ex.Message);
        }
    }

    /// <summary>Discord's <c>retry_after</c> (seconds, in the body), else the Retry-After header, else one second.</summary>
    private static async Task<TimeSpan> RetryAfterAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("retry_after", out var seconds)
                && seconds.ValueKind == JsonValueKind.Number && seconds.TryGetDouble(out var value) && value >= 0)
            {
                return TimeSpan.FromSeconds(value);
            }
        }
        catch (JsonException)
        {
            // Fall through to the header.
        }

        return response.Headers.RetryAfter?.Delta
            ?? (response.Headers.TryGetValues("Retry-After", out var values) && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var header)
                ? TimeSpan.FromSeconds(header)
                : TimeSpan.FromSeconds(1));
    }

    private static Uri WithSlash(Uri baseUrl) => baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _http.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read interaction {InteractionId} ({Reason}); telling the sender")]
    private partial void LogAnswering(string interactionId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord refused the answer to unreadable interaction {InteractionId} with HTTP {Status}")]
    private partial void LogRefused(string interactionId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rate limited the answer to unreadable interaction {InteractionId} for {Seconds} s, past the 3 s it can be answered in: not answered")]
    private partial void LogGivenUp(string interactionId, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answering unreadable interaction {InteractionId} failed: {Reason}")]
    private partial void LogFailed(string interactionId, string reason);
}
