namespace NetworkingBot.Hosting;

/// <summary>How the <see cref="AdapterSupervisor"/> restarts a faulted adapter.</summary>
public sealed record SupervisionSettings
{
    /// <summary>The wait before the first restart; it doubles with each fault in a row.</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between restarts.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A run at least this long counts as healthy: the next fault waits <see cref="FirstDelay"/> again.</summary>
    public TimeSpan HealthyRun { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait before restart number <paramref name="attempt"/> (1 for the first).</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        var doubled = FirstDelay.Ticks * Math.Pow(2, Math.Min(attempt - 1, 30));
        return doubled >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)doubled);
    }
}
