using Microsoft.Extensions.Options;

namespace NetworkingBot.Shell;

/// <summary>
/// Saves the shell's clock with the data after every <c>advance</c> and when the shell stops, and resumes it at
/// the next start (before any round is scheduled), unless <c>Shell:ClockStart</c> is given: an explicit start wins.
/// The clock only moves forward: resuming never sets it before real time or the configured start.
/// </summary>
public sealed class ShellClockKeeper(ShellClock clock, IShellClockStore store, IOptions<ShellOptions> options)
{
    /// <summary>Moves the clock to the saved time, if there is one later than now and no explicit start.</summary>
    public async Task ResumeAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ClockStart is not null)
        {
            return;
        }

        if (await store.LoadAsync(cancellationToken).ConfigureAwait(false) is { } saved)
        {
            clock.AdvanceTo(saved);
        }
    }

    public Task SaveAsync(CancellationToken cancellationToken) => store.SaveAsync(clock.GetUtcNow(), cancellationToken);
}
