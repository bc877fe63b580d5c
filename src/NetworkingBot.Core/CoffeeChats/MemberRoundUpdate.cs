namespace NetworkingBot.Core.CoffeeChats;

/// <summary>
/// What planning a round records for one member, saved with the plan (<see cref="IRoundStore.SavePlanAsync"/>):
/// when they were last placed in a group (their cadence counts from it) and whether a "skip next round" is still
/// pending. Only these two fields are written, so a profile edit made while the round was planned is kept.
/// </summary>
public sealed record MemberRoundUpdate(string UserId, DateTimeOffset? LastRoundAt, bool SkipNext);
