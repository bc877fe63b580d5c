namespace NetworkingBot.Core.Network;

/// <summary>A member's choices for the follow-up program; a member who never chose has <see cref="Default"/>.</summary>
/// <param name="CommunityId">The community.</param>
/// <param name="UserId">The member.</param>
/// <param name="NudgesOn">Whether any follow-up nudge is sent to the member.</param>
/// <param name="IntrosOn">Whether others may introduce the member with <c>/intro</c>.</param>
public sealed record NetworkSettings(string CommunityId, string UserId, bool NudgesOn = true, bool IntrosOn = true)
{
    /// <summary>The settings of a member who never changed them: nudges and intros both on.</summary>
    public static NetworkSettings Default(string communityId, string userId) => new(communityId, userId);
}
