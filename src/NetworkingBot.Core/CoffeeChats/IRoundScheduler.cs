namespace NetworkingBot.Core.CoffeeChats;

/// <summary>
/// The clock's side of the programs: the core tells it when settings change or a check-in is due,
/// and the host (Quartz) fires the matching use case at that time.
/// </summary>
public interface IRoundScheduler
{
    /// <summary>(Re)schedules the program's next round from its current settings.</summary>
    Task ScheduleProgramAsync(CoffeeSchedule program, CancellationToken cancellationToken = default);

    /// <summary>Schedules the round's check-in at <see cref="Round.CheckInAt"/>.</summary>
    Task ScheduleCheckInAsync(Round round, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs <see cref="RoundCompletion.RetryAsync"/> with <paramref name="retry"/> at <see cref="RoundRetry.At"/>;
    /// a retry of the same round scheduled again replaces the one waiting.
    /// </summary>
    Task ScheduleRetryAsync(RoundRetry retry, CancellationToken cancellationToken = default);
}
