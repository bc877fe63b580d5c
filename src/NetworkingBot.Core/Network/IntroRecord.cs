namespace NetworkingBot.Core.Network;

/// <summary>An introduction made with <c>/intro</c>, kept to enforce the introducer's limits.</summary>
/// <param name="CommunityId">The community.</param>
/// <param name="IntroducerId">Who made it.</param>
/// <param name="FirstId">One member introduced.</param>
/// <param name="SecondId">The other member introduced.</param>
/// <param name="At">When it was made.</param>
public sealed record IntroRecord(string CommunityId, string IntroducerId, string FirstId, string SecondId, DateTimeOffset At)
{
    /// <summary>Whether this introduction was of the pair {<paramref name="a"/>, <paramref name="b"/>}, in either order.</summary>
    public bool IsOfPair(string a, string b) => (FirstId == a && SecondId == b) || (FirstId == b && SecondId == a);
}
