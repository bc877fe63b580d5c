using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Commands.Timing;

namespace NetworkingBot.Slack.Home;

/// <summary>
/// Keeps members' App Home current. Opening the Home tab publishes it at once; afterwards, whatever may change what it
/// shows for a member (a command they ran, a DM the bot sent them: an intro, an interview answer) asks for a refresh,
/// and every such change within <see cref="Debounce"/> of the first is published once, with the state at that moment.
/// Only members who opened their home since this process started are refreshed: the others see a fresh view when
/// they next open it, so no views.publish is spent on a tab nobody looks at.
/// </summary>
internal sealed class HomeRefresher(
    HomePublisher publisher, [FromKeyedServices(SlackServiceCollectionExtensions.Key)] AnswerInTime background, TimeProvider time, ILogger<HomeRefresher> logger)
{
    public static readonly TimeSpan Debounce = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<(string Team, string User), bool> _opened = new();
    private readonly ConcurrentDictionary<(string Team, string User), bool> _pending = new();

    /// <summary>The member opened their Home tab: publish it now, and keep it current from here on.</summary>
    public async Task OpenedAsync(string teamId, string userId, CancellationToken cancellationToken)
    {
        _opened[(teamId, userId)] = true;
        await publisher.PublishAsync(teamId, userId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Something the member's home shows may have changed; a refresh follows within <see cref="Debounce"/>.</summary>
    public void Changed(string teamId, string userId)
    {
        var key = (teamId, userId);
        if (!_opened.ContainsKey(key) || !_pending.TryAdd(key, true))
        {
            return; // never opened, or a refresh is already waiting and will show this change too
        }

        background.Run(async () =>
        {
            try
            {
                await Task.Delay(Debounce, time).ConfigureAwait(false);
            }
            finally
            {
                // Cleared before publishing, so a change made while the view is built asks for one more refresh.
                _pending.TryRemove(key, out _);
            }

            try
            {
                await publisher.PublishAsync(teamId, userId, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not refresh the App Home of {UserId}; it is published again when they open it", userId);
            }
        });
    }
}
