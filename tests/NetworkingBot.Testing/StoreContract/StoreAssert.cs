using NetworkingBot.Core.CoffeeChats;
using Xunit;

namespace NetworkingBot.Testing.StoreContract;

/// <summary>
/// Field-by-field comparison: record equality compares list properties by reference, and DateTimeOffset
/// equality compares instants, which is exactly the promise (offsets may come back normalised).
/// </summary>
public static class StoreAssert
{
    // One shared instance each, so the record comparisons below see equal references for the blanked lists.
    private static readonly string[] NoIds = [];
    private static readonly RoundGroup[] NoGroups = [];

    public static void Same(Member expected, Member? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Profile.Interests, actual.Profile.Interests);
        Assert.Equal(expected with { Profile = expected.Profile with { Interests = NoIds } }, actual with { Profile = actual.Profile with { Interests = NoIds } });
        AssertTicks(expected.JoinedAt, actual.JoinedAt);
        AssertTicks(expected.PausedUntil, actual.PausedUntil);
        AssertTicks(expected.LastRoundAt, actual.LastRoundAt);
    }

    public static void Same(CoffeeSchedule expected, CoffeeSchedule? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected, actual);
        AssertTicks(expected.UpdatedAt, actual.UpdatedAt);
    }

    public static void Same(Round expected, Round? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Groups.Count, actual.Groups.Count);
        for (var i = 0; i < expected.Groups.Count; i++)
        {
            Same(expected.Groups[i], actual.Groups[i]);
        }

        Assert.Equal(expected.Unmatched, actual.Unmatched);
        Assert.Equal(expected with { Groups = NoGroups, Unmatched = NoIds }, actual with { Groups = NoGroups, Unmatched = NoIds });
        AssertTicks(expected.ScheduledFor, actual.ScheduledFor);
        AssertTicks(expected.CreatedAt, actual.CreatedAt);
        AssertTicks(expected.CheckInAt, actual.CheckInAt);
    }

    public static void Same(RoundGroup expected, RoundGroup actual)
    {
        Assert.Equal(expected.Index, actual.Index);
        Assert.Equal(expected.Members, actual.Members);
        Assert.Equal(expected.Why, actual.Why);
    }

    private static void AssertTicks(DateTimeOffset? expected, DateTimeOffset? actual) =>
        Assert.Equal(expected?.UtcTicks, actual?.UtcTicks);
}
