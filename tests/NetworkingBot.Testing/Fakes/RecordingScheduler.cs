using NetworkingBot.Core.CoffeeChats;

namespace NetworkingBot.Testing.Fakes;

/// <summary>Records what the core asked the clock to do, instead of scheduling anything.</summary>
public sealed class RecordingScheduler : IRoundScheduler
{
    private readonly Lock _gate = new();
    private readonly List<CoffeeSchedule> _programs = [];
    private readonly List<Round> _checkIns = [];
    private readonly List<RoundRetry> _retries = [];

    /// <summary>Every program passed to <see cref="ScheduleProgramAsync"/>, in call order.</summary>
    public IReadOnlyList<CoffeeSchedule> Programs
    {
        get
        {
            lock (_gate)
            {
                return _programs.ToList();
            }
        }
    }

    /// <summary>Every round passed to <see cref="ScheduleCheckInAsync"/>, in call order.</summary>
    public IReadOnlyList<Round> CheckIns
    {
        get
        {
            lock (_gate)
            {
                return _checkIns.ToList();
            }
        }
    }

    /// <summary>Every retry passed to <see cref="ScheduleRetryAsync"/>, in call order.</summary>
    public IReadOnlyList<RoundRetry> Retries
    {
        get
        {
            lock (_gate)
            {
                return _retries.ToList();
            }
        }
    }

    /// <summary>Makes every <see cref="ScheduleRetryAsync"/> throw when set, like a scheduler that cannot store a trigger.</summary>
    public bool FailRetries { get; set; }

    public Task ScheduleRetryAsync(RoundRetry retry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(retry);
        if (FailRetries)
        {
            throw new InvalidOperationException("The scheduler could not store the retry (test).");
        }

        lock (_gate)
        {
            _retries.Add(retry);
        }

        return Task.CompletedTask;
    }

    public Task ScheduleProgramAsync(CoffeeSchedule program, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        lock (_gate)
        {
            _programs.Add(program);
        }

        return Task.CompletedTask;
    }

    public Task ScheduleCheckInAsync(Round round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        lock (_gate)
        {
            _checkIns.Add(round);
        }

        return Task.CompletedTask;
    }
}
