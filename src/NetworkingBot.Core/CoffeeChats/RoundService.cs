using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkingBot.Core.Leases;
using NetworkingBot.Core.Scheduling;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>
/// The round use cases: run a scheduled round, run one now, and resume rounds a crash interrupted.
/// A round is claimed by its slot key first, so whoever fires it twice (a retry, a second instance,
/// a misfire at start) finds the slot taken and does nothing.
/// </summary>
public sealed class RoundService(
    ICoffeeScheduleStore programs,
    IMemberStore members,
    IRoundStore rounds,
    RoundCompletion completion,
    IRoundScheduler scheduler,
    CommunityLocks locks,
    ILeaseStore leases,
    TimeProvider time,
    IOptions<CoffeeOptions> options,
    ILogger<RoundService> logger)
{
    /// <summary>Runs the round scheduled for <paramref name="slot"/>, unless it already ran or is too late.</summary>
    public async Task<RoundOutcome> RunScheduledAsync(string communityId, DateTimeOffset slot, CancellationToken cancellationToken)
    {
        var program = await programs.GetAsync(communityId, cancellationToken).ConfigureAwait(false);
        if (program is null || !program.Enabled)
        {
            return new RoundOutcome.NotConfigured();
        }

        if (time.GetUtcNow() - slot > options.Value.MissedRoundGrace)
        {
            logger.LogWarning("Round slot {Slot} of {Community} was missed by more than the grace period; skipped", slot, communityId);
            return new RoundOutcome.TooLate(slot);
        }

        var slotKey = RoundIds.ScheduledSlot(slot);
        if (await IsQuietAsync(program, slotKey, slot, cancellationToken).ConfigureAwait(false))
        {
            return new RoundOutcome.NobodyDue(slot);
        }

        return await RunAsync(program, slotKey, slot, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An organiser's "pair now": a round outside the schedule, with a slot of its own.</summary>
    public async Task<RoundOutcome> RunNowAsync(string communityId, CancellationToken cancellationToken)
    {
        var program = await programs.GetAsync(communityId, cancellationToken).ConfigureAwait(false);
        if (program is null)
        {
            return new RoundOutcome.NotConfigured();
        }

        // With nobody to pair, a pair-now would only use up a round number.
        var now = time.GetUtcNow();
        if (!(await members.ListAsync(communityId, cancellationToken).ConfigureAwait(false)).Any(m => Eligibility.IsAvailable(m, now)))
        {
            return new RoundOutcome.NobodyDue(now);
        }

        return await RunAsync(program, RoundIds.ManualSlot(now), now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// At start: the latest scheduled slot of every program that was missed (within the grace period) runs once,
    /// and rounds left half-done by a crash are planned or delivered to the end.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        // Each community's work is its own: one that fails (a platform refusing, a bug in its data) is logged and
        // left to the next pass, and never keeps the catch-up from the communities after it.
        var now = time.GetUtcNow();
        foreach (var program in await programs.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            // Only a slot after the program's latest settings change: "Monday 09:00" set up at 10:00 on a Monday
            // never owed a round at 09:00 that day.
            if (program.Enabled && RoundSchedule.Previous(program, now) is { } slot && slot > program.UpdatedAt
                && now - slot <= options.Value.MissedRoundGrace)
            {
                await IsolatedAsync(program.CommunityId, () => RunScheduledAsync(program.CommunityId, slot, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var round in await rounds.ListByStatusAsync([RoundStatus.Claimed, RoundStatus.Planned], cancellationToken).ConfigureAwait(false))
        {
            if (await programs.GetAsync(round.CommunityId, cancellationToken).ConfigureAwait(false) is { } program)
            {
                logger.LogInformation("Resuming interrupted round {RoundId}", round.RoundId);
                await IsolatedAsync(round.CommunityId, () => completion.CompleteAsync(program, round, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var round in await rounds.ListByStatusAsync([RoundStatus.Delivered], cancellationToken).ConfigureAwait(false))
        {
            await IsolatedAsync(round.CommunityId, () => scheduler.ScheduleCheckInAsync(round, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task IsolatedAsync(string communityId, Func<Task> work, CancellationToken cancellationToken)
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Catch-up for {Community} failed; the next pass (within five minutes) tries again", communityId);
        }
    }

    private static readonly TimeSpan QuietProbe = TimeSpan.FromMinutes(2);

    /// <summary>
    /// True when nobody is due at a scheduled slot (after a pair-now, say): such a slot sends nothing and claims no
    /// round, so it takes no number. Members due but skipping have their skip used up here, as a round would. The
    /// decision is kept as a lease on the slot for longer than the catch-up looks back, so a second firing, another
    /// instance or the catch-up does not run the slot late for someone who joined or resumed since.
    /// </summary>
    private async Task<bool> IsQuietAsync(CoffeeSchedule program, string slotKey, DateTimeOffset slot, CancellationToken cancellationToken)
    {
        // A claimed slot (the usual case for the catch-up) needs no lock: RunAsync says it was claimed.
        if (await rounds.GetBySlotAsync(program.CommunityId, slotKey, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        await using var held = await locks.AcquireAsync(program.CommunityId, cancellationToken).ConfigureAwait(false);
        if (await rounds.GetBySlotAsync(program.CommunityId, slotKey, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        // The marker is first taken for a short while only: a crash before the decision leaves a probe that runs out
        // by itself, so the five-minute catch-up still runs a slot that does have members due.
        var marker = $"coffee-quiet:{program.CommunityId}:{slotKey}";
        var owner = Guid.NewGuid().ToString("N");
        if (!await leases.TryAcquireAsync(marker, owner, QuietProbe, cancellationToken).ConfigureAwait(false))
        {
            return true; // found quiet before
        }

        var expected = (await members.ListAsync(program.CommunityId, cancellationToken).ConfigureAwait(false))
            .Where(m => Eligibility.IsExpected(m, slot))
            .ToList();
        if (expected.Any(m => !m.SkipNext))
        {
            await leases.ReleaseAsync(marker, owner, cancellationToken).ConfigureAwait(false);
            return false;
        }

        // Kept before the skips are used up: a crash in between leaves a skip for the next round, never a slot run
        // late for members who had asked to skip it.
        await leases.RenewAsync(marker, owner, options.Value.MissedRoundGrace + TimeSpan.FromHours(1), cancellationToken).ConfigureAwait(false);
        foreach (var member in expected)
        {
            await members.UpsertAsync(member with { SkipNext = false }, cancellationToken).ConfigureAwait(false);
        }

        logger.LogInformation("Round slot {Slot} of {Community}: nobody is due, so no round goes out ({Skipping} skipping)", slotKey, program.CommunityId, expected.Count);
        return true;
    }

    private async Task<RoundOutcome> RunAsync(CoffeeSchedule program, string slotKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var claim = new Round(
            RoundIds.NewRoundId(), program.CommunityId, slotKey, 0, at, time.GetUtcNow(), RoundStatus.Claimed,
            RoundIds.Seed(program.CommunityId, slotKey), [], [], at.AddDays(program.CheckInAfterDays));
        var claimed = await rounds.TryClaimAsync(claim, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            logger.LogInformation("Round slot {Slot} of {Community} was already claimed", slotKey, program.CommunityId);
            return new RoundOutcome.AlreadyClaimed(slotKey);
        }

        return await completion.CompleteOrRetryAsync(program, claimed, cancellationToken).ConfigureAwait(false);
    }
}
