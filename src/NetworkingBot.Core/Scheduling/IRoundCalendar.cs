namespace NetworkingBot.Core.Scheduling;

/// <summary>
/// The plain facts <see cref="RoundSchedule"/> computes round instants from. A program's settings implement it, so
/// the schedule reads them without knowing any program and every caller passes its settings as they are.
/// </summary>
public interface IRoundCalendar
{
    /// <summary>The weekday rounds fall on.</summary>
    DayOfWeek Day { get; }

    /// <summary>The local time of day of a round, in <see cref="TimeZone"/>.</summary>
    TimeOnly Time { get; }

    /// <summary>An IANA time-zone id; an unknown one counts as UTC.</summary>
    string TimeZone { get; }

    Cadence Cadence { get; }

    /// <summary>The date biweekly rounds count fortnights from.</summary>
    DateOnly Anchor { get; }
}
