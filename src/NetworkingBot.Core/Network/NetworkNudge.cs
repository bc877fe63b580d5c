namespace NetworkingBot.Core.Network;

/// <summary>
/// A stored due step: one nudge to <see cref="OwnerId"/> about <see cref="OtherId"/>, due at <see cref="DueAt"/>.
/// At most one step of each kind exists per contact; scheduling it again moves it.
/// </summary>
/// <param name="CommunityId">The community.</param>
/// <param name="OwnerId">The member to nudge.</param>
/// <param name="OtherId">The contact the nudge is about.</param>
/// <param name="Kind">Which nudge.</param>
/// <param name="DueAt">The earliest instant it may go out (the owner's local morning).</param>
public sealed record NetworkNudge(string CommunityId, string OwnerId, string OtherId, NudgeKind Kind, DateTimeOffset DueAt);
