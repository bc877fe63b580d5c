using System.Collections.Concurrent;

namespace NetworkingBot.Discord.Interactions;

/// <summary>
/// The options a command carried into a form that the modal does not show: they do not fit in the 100-character
/// custom_id, so they wait here, keyed by the interaction id, until the form comes back or <see cref="Lifetime"/> passes.
/// A form whose options were forgotten is refused rather than run without them (one may have been "anonymous").
/// </summary>
internal sealed class FormMemory(TimeProvider time)
{
    /// <summary>How long a form's carried options are kept: Discord's interaction token lives 15 minutes too.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, (IReadOnlyDictionary<string, string> Options, DateTimeOffset At)> _waiting = new(StringComparer.Ordinal);

    public void Keep(string key, IReadOnlyDictionary<string, string> options)
    {
        var now = time.GetUtcNow();
        foreach (var stale in _waiting.Where(w => now - w.Value.At > Lifetime).Select(w => w.Key).ToList())
        {
            _waiting.TryRemove(stale, out _);
        }

        _waiting[key] = (options, now);
    }

    /// <summary>The options kept under <paramref name="key"/>, once; null when they were never kept, taken, or expired.</summary>
    public IReadOnlyDictionary<string, string>? Take(string key) =>
        _waiting.TryRemove(key, out var kept) && time.GetUtcNow() - kept.At <= Lifetime ? kept.Options : null;
}
