using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Scheduling;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests;

/// <summary>Small builders and assertion helpers shared by the core tests.</summary>
internal static class TestData
{
    public static MemberProfile Profile(Cadence cadence = Cadence.Weekly, string tz = "UTC") =>
        new([], tz, CareerStage.Unspecified, LookingFor.Any, MeetingFormat.Virtual, null, cadence);

    public static Member Member(string userId, Cadence cadence = Cadence.Weekly, DateTimeOffset? lastRoundAt = null) =>
        new(CoreHarness.Community, userId, userId, Profile(cadence), MemberStatus.Active, CoreHarness.DefaultStart.AddDays(-30), null, false, 0, lastRoundAt);

    public static CoffeeSchedule Program(DayOfWeek day = DayOfWeek.Monday, int hour = 9, int minute = 0, string tz = "UTC",
        Cadence cadence = Cadence.Weekly, DateOnly? anchor = null) =>
        new(CoreHarness.Community, CoreHarness.Channel, day, new TimeOnly(hour, minute), tz, cadence, 2, 4,
            anchor ?? new DateOnly(2026, 1, 5), true, CoreHarness.DefaultStart);

    public static Round Round(int number, params string[][] groups) =>
        new($"r{number}", CoreHarness.Community, $"slot{number}", number, CoreHarness.DefaultStart.AddDays(7 * number), CoreHarness.DefaultStart,
            RoundStatus.Delivered, number, groups.Select((g, i) => new RoundGroup(i, g, "why")).ToList(), [], CoreHarness.DefaultStart);

    public static Reply Ok(CommandResult result) =>
        Assert.IsType<Reply>(result);

    public static UserError Failed(CommandResult result, string code)
    {
        var failure = Assert.IsType<Failure>(result);
        Assert.Equal(code, failure.Error.Code);
        Assert.False(string.IsNullOrWhiteSpace(failure.Error.Message));
        return failure.Error;
    }

    /// <summary>Sets up the test community's program as an organiser and checks it was accepted.</summary>
    public static async Task SetUpAsync(this CoreHarness harness, string options = "day:monday time:09:00 tz:UTC")
    {
        Ok(await harness.RunAsync("org", $"/coffee setup {options}", organiser: true));
    }

    public static async Task JoinAsync(this CoreHarness harness, params string[] users)
    {
        foreach (var user in users)
        {
            Ok(await harness.RunAsync(user, "/coffee join tz:UTC"));
        }
    }
}
