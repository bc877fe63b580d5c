namespace NetworkingBot.Core.Abstractions;

/// <summary>
/// Work a program keeps as due times in its own store (timeouts, nudges). The host runs <see cref="RunDueAsync"/>
/// on a short Quartz schedule and the shell's "advance" runs it at each <see cref="NextDueAsync"/> instant; both
/// are safe to repeat because each step is a saved state change that happens once.
/// </summary>
public interface IDueWork
{
    /// <summary>The earliest instant something falls due, or null when nothing is waiting.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);

    /// <summary>Runs every step due at the current time.</summary>
    Task RunDueAsync(CancellationToken cancellationToken);
}
