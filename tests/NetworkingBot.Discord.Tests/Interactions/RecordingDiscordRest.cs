using System.Collections.Concurrent;
using System.Text.Json;
using NetworkingBot.Discord.Rest;
using NetworkingBot.Testing;

namespace NetworkingBot.Discord.Tests.Interactions;

/// <summary>An in-memory <see cref="IDiscordRest"/> that records every call with its time and answers from a script.</summary>
internal sealed class RecordingDiscordRest(TimeProvider? time = null) : IDiscordRest
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public ConcurrentQueue<(DiscordRoute Route, JsonElement? Body, DateTimeOffset At)> Calls { get; } = new();

    /// <summary>Answers GETs by template; everything else gets null (204).</summary>
    public ConcurrentDictionary<string, JsonElement> Responses { get; } = new(StringComparer.Ordinal);

    /// <summary>The files sent with each call that had any, by the call's route template.</summary>
    public ConcurrentQueue<(DiscordRoute Route, IReadOnlyList<DiscordFileUpload> Files)> FileCalls { get; } = new();

    public Task<JsonElement?> SendAsync(DiscordRoute route, object? body, IReadOnlyList<DiscordFileUpload> files, CancellationToken cancellationToken)
    {
        if (files.Count > 0)
        {
            FileCalls.Enqueue((route, files));
        }

        return SendAsync(route, body, cancellationToken);
    }

    public Task<JsonElement?> SendAsync(DiscordRoute route, object? body, CancellationToken cancellationToken)
    {
        JsonElement? json = body is null ? null : JsonSerializer.SerializeToElement(body);
        Calls.Enqueue((route, json, _time.GetUtcNow()));
        return Task.FromResult(Responses.TryGetValue(route.Template, out var response) ? response : (JsonElement?)null);
    }

    public IReadOnlyList<(DiscordRoute Route, JsonElement? Body, DateTimeOffset At)> To(string templateStart) =>
        [.. Calls.Where(c => c.Route.Template.StartsWith(templateStart, StringComparison.Ordinal))];

    /// <summary>Waits (polling, generous timeout) until <paramref name="count"/> calls match.</summary>
    public async Task<IReadOnlyList<(DiscordRoute Route, JsonElement? Body, DateTimeOffset At)>> WaitForAsync(string templateStart, int count = 1)
    {
        await Eventually.TrueAsync(() => To(templateStart).Count >= count, $"{count} call(s) to {templateStart}");
        return To(templateStart);
    }
}
