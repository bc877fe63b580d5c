namespace NetworkingBot.Core.CoffeeChats;

/// <summary>What asking for a round produced. Expected outcomes, not exceptions.</summary>
public abstract record RoundOutcome
{
    /// <summary>This call claimed the slot and the round was planned and delivered.</summary>
    public sealed record Ran(Round Round) : RoundOutcome;

    /// <summary>
    /// This call claimed the slot but planning or delivery failed (a store or platform fault): what went out stays
    /// out, and the rest is retried at <paramref name="NextAttempt"/> (2 s, then doubling), or by the five-minute
    /// catch-up when that is null.
    /// </summary>
    public sealed record Retrying(Round Round, DateTimeOffset? NextAttempt) : RoundOutcome;

    /// <summary>Another run (or instance) already claimed this slot; nothing was done.</summary>
    public sealed record AlreadyClaimed(string SlotKey) : RoundOutcome;

    /// <summary>No coffee-chat program is set up in the community.</summary>
    public sealed record NotConfigured : RoundOutcome;

    /// <summary>
    /// Nobody was due at this scheduled instant (or only members skipping it), or nobody was available for a
    /// pair-now: nothing was sent and no round number was taken. A scheduled slot is marked so a retry or the
    /// catch-up does not run it late.
    /// </summary>
    public sealed record NobodyDue(DateTimeOffset Slot) : RoundOutcome;

    /// <summary>The scheduled instant is too far in the past to run now (missed while the bot was down).</summary>
    public sealed record TooLate(DateTimeOffset Slot) : RoundOutcome;
}
