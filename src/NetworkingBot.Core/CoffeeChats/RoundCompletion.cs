using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Leases;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>
/// Plans and delivers a claimed round to the end, under the community's lock. When that fails (a store fault, a
/// platform outage) a retry is scheduled with backoff (<see cref="RoundRetry"/>), so the round goes out within
/// seconds of the fault ending instead of at the next five-minute catch-up. Each attempt re-reads the round and its
/// delivery records under the lock, so retries that meet, or meet the catch-up, send nothing twice.
/// </summary>
public sealed partial class RoundCompletion(
    ICoffeeScheduleStore programs,
    IMemberStore members,
    IRoundStore rounds,
    RoundPlanner planner,
    RoundDelivery delivery,
    CheckInService checkIns,
    IRoundScheduler scheduler,
    CommunityLocks locks,
    TimeProvider time,
    ILogger<RoundCompletion> logger)
{
    /// <summary>
    /// Completes the round, or, when it fails, schedules its first retry and says so: the caller (a pair-now, a
    /// scheduled firing) answers at once either way.
    /// </summary>
    public Task<RoundOutcome> CompleteOrRetryAsync(CoffeeSchedule program, Round round, CancellationToken cancellationToken) =>
        AttemptAsync(program, round, failed: null, cancellationToken);

    /// <summary>
    /// A scheduled retry: does nothing for a round that is finished (or gone), else tries again and, on another
    /// failure, schedules the next retry until <see cref="RoundRetry.GiveUpAfter"/>, then leaves it to the catch-up.
    /// </summary>
    public async Task<RoundOutcome> RetryAsync(RoundRetry retry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retry);
        var round = await rounds.GetAsync(retry.RoundId, cancellationToken).ConfigureAwait(false);
        if (round is null || await programs.GetAsync(round.CommunityId, cancellationToken).ConfigureAwait(false) is not { } program)
        {
            return new RoundOutcome.NotConfigured();
        }

        return await AttemptAsync(program, round, retry, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Plans (if still claimed) and delivers the round; a failure throws. The catch-up's way in.</summary>
    public async Task<Round> CompleteAsync(CoffeeSchedule program, Round round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(round);
        await using var held = await locks.AcquireAsync(program.CommunityId, cancellationToken).ConfigureAwait(false);

        // A lease lost while held stops the work: another instance may already be delivering this round.
        cancellationToken = held.Token;

        // Another run may have finished it while this one waited for the lock.
        round = await rounds.GetAsync(round.RoundId, cancellationToken).ConfigureAwait(false) ?? round;
        if (round.Status is not (RoundStatus.Claimed or RoundStatus.Planned))
        {
            return round;
        }

        if (round.Status == RoundStatus.Claimed)
        {
            round = await PlanAsync(program, round, cancellationToken).ConfigureAwait(false);
        }

        var delivered = await delivery.DeliverAsync(program, round, cancellationToken).ConfigureAwait(false);
        await scheduler.ScheduleCheckInAsync(delivered, cancellationToken).ConfigureAwait(false);
        return delivered;
    }

    private async Task<RoundOutcome> AttemptAsync(CoffeeSchedule program, Round round, RoundRetry? failed, CancellationToken cancellationToken)
    {
        try
        {
            return new RoundOutcome.Ran(await CompleteAsync(program, round, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A fault is an exception (a store or platform outage, or a bug); it is logged here once, with its cause.
            var next = await ScheduleNextAsync(round, failed, ex, cancellationToken).ConfigureAwait(false);
            LogDetail(logger, ex, round.RoundId);
            var current = await TryReadAsync(round, cancellationToken).ConfigureAwait(false);
            return new RoundOutcome.Retrying(current, next?.At);
        }
    }

    private async Task<RoundRetry?> ScheduleNextAsync(Round round, RoundRetry? failed, Exception cause, CancellationToken cancellationToken)
    {
        var attempt = (failed?.Attempt ?? 0) + 1;
        var next = RoundRetry.After(round.RoundId, failed, time.GetUtcNow());
        if (next is null)
        {
            LogGaveUp(logger, round.RoundId, round.CommunityId, attempt, cause.GetType().Name, cause.Message);
            return null;
        }

        try
        {
            await scheduler.ScheduleRetryAsync(next, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogNotScheduled(logger, round.RoundId, round.CommunityId, attempt, cause.GetType().Name, cause.Message, ex.Message);
            return null;
        }

        LogFailed(logger, round.RoundId, round.CommunityId, attempt, cause.GetType().Name, cause.Message, next.At);
        return next;
    }

    /// <summary>The round as stored now (planned, say), or as it was when the store cannot be read either.</summary>
    private async Task<Round> TryReadAsync(Round round, CancellationToken cancellationToken)
    {
        try
        {
            return await rounds.GetAsync(round.RoundId, cancellationToken).ConfigureAwait(false) ?? round;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return round; // already logged as this attempt's failure
        }
    }

    private async Task<Round> PlanAsync(CoffeeSchedule program, Round round, CancellationToken cancellationToken)
    {
        await checkIns.CloseOpenAsync(program.CommunityId, cancellationToken).ConfigureAwait(false);
        var (plan, eligible) = await planner.PlanAsync(
            program, round.ScheduledFor, round.Number, round.Seed, round.RoundId, RoundIds.IsManual(round.SlotKey), cancellationToken).ConfigureAwait(false);
        var planned = round with
        {
            Status = RoundStatus.Planned,
            Groups = plan.Groups.Select((g, i) => new RoundGroup(i, g.Members, g.Why)).ToList(),
            Unmatched = plan.Unmatched,
        };

        // Record who took part (their cadence counts from here) and use up every pending "skip next round", in the
        // same store write as the plan: saved apart, a fault between them resumed straight to delivery and lost both.
        var grouped = planned.Groups.SelectMany(g => g.Members).ToHashSet(StringComparer.Ordinal);
        var bookkeeping = new List<MemberRoundUpdate>();
        foreach (var member in await members.ListAsync(program.CommunityId, cancellationToken).ConfigureAwait(false))
        {
            var lastRoundAt = grouped.Contains(member.UserId) ? planned.ScheduledFor : member.LastRoundAt;
            if (lastRoundAt != member.LastRoundAt || member.SkipNext)
            {
                bookkeeping.Add(new MemberRoundUpdate(member.UserId, lastRoundAt, SkipNext: false));
            }
        }

        await rounds.SavePlanAsync(planned, bookkeeping, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Round {RoundId} planned: {Eligible} eligible, {Groups} groups, {Repeats} repeat pairs", planned.RoundId, eligible.Count, planned.Groups.Count, plan.RepeatPairs);
        return planned;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Round {RoundId} of {Community} could not be completed (attempt {Attempt}, {ExceptionType}: {Reason}); trying again at {RetryAt:O}")]
    private static partial void LogFailed(ILogger logger, string roundId, string community, int attempt, string exceptionType, string reason, DateTimeOffset retryAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Round {RoundId} of {Community} could not be completed (attempt {Attempt}, {ExceptionType}: {Reason}); no more quick retries, the five-minute catch-up keeps trying")]
    private static partial void LogGaveUp(ILogger logger, string roundId, string community, int attempt, string exceptionType, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Round {RoundId} of {Community} could not be completed (attempt {Attempt}, {ExceptionType}: {Reason}) and its retry could not be scheduled ({ScheduleError}); the five-minute catch-up tries again")]
    private static partial void LogNotScheduled(ILogger logger, string roundId, string community, int attempt, string exceptionType, string reason, string scheduleError);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Round {RoundId} failed; in full")]
    private static partial void LogDetail(ILogger logger, Exception exception, string roundId);
}
