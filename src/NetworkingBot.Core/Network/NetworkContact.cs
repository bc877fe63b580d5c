namespace NetworkingBot.Core.Network;

/// <summary>
/// One entry of a member's network log: the other member, how they met, when they first met and last spoke, and
/// whether reminders about this person are on. An entry whose other member asked to be forgotten keeps its row for
/// its owner (their notes stay theirs) but names nobody: <see cref="FormerMember"/> is set and <see cref="OtherId"/>
/// holds a placeholder that matches no member.
/// </summary>
/// <param name="CommunityId">The community both members belong to.</param>
/// <param name="OwnerId">The member whose log this is.</param>
/// <param name="OtherId">The member met.</param>
/// <param name="How">How they met, already sanitised ("coffee chat, round 12", "introduced by @sam").</param>
/// <param name="FirstMet">When they first met (or were introduced).</param>
/// <param name="LastSpoke">When they last spoke; never before <see cref="FirstMet"/>.</param>
/// <param name="RemindersOn">Whether the owner wants nudges about this person.</param>
/// <param name="Planned">A meeting scheduled but not yet confirmed as held ("Scheduled" in a coffee check-in).</param>
/// <param name="FormerMember">The other member asked to be forgotten.</param>
public sealed record NetworkContact(
    string CommunityId,
    string OwnerId,
    string OtherId,
    string How,
    DateTimeOffset FirstMet,
    DateTimeOffset LastSpoke,
    bool RemindersOn = true,
    bool Planned = false,
    bool FormerMember = false);
