using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Scheduling;

namespace NetworkingBot.Core.Tests.CoffeeChats;

public sealed class EligibilityTests
{
    private static readonly DateTimeOffset RoundAt = new(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Active_new_member_is_eligible()
    {
        Assert.True(Eligibility.IsEligible(TestData.Member("ana"), RoundAt));
    }

    [Fact]
    public void Left_member_is_not()
    {
        Assert.False(Eligibility.IsEligible(TestData.Member("ana") with { Status = MemberStatus.Left }, RoundAt));
    }

    [Fact]
    public void Paused_until_after_the_round_is_not_eligible_until_at_or_before_is()
    {
        var ana = TestData.Member("ana");
        Assert.False(Eligibility.IsEligible(ana with { PausedUntil = RoundAt.AddMinutes(1) }, RoundAt));
        Assert.False(Eligibility.IsEligible(ana with { PausedUntil = DateTimeOffset.MaxValue }, RoundAt));
        Assert.True(Eligibility.IsEligible(ana with { PausedUntil = RoundAt }, RoundAt));
        Assert.True(Eligibility.IsEligible(ana with { PausedUntil = RoundAt.AddDays(-1) }, RoundAt));
    }

    [Fact]
    public void Skipping_member_is_not()
    {
        Assert.False(Eligibility.IsEligible(TestData.Member("ana") with { SkipNext = true }, RoundAt));
    }

    [Theory]
    [InlineData(Cadence.Weekly, 7, true)]
    [InlineData(Cadence.Weekly, 6, true)]
    [InlineData(Cadence.Weekly, 5, false)]
    [InlineData(Cadence.Biweekly, 7, false)]
    [InlineData(Cadence.Biweekly, 13, true)]
    [InlineData(Cadence.Biweekly, 12, false)]
    [InlineData(Cadence.Monthly, 21, false)]
    [InlineData(Cadence.Monthly, 27, true)]
    [InlineData(Cadence.Monthly, 28, true)]
    public void Cadence_counts_from_the_last_round(Cadence cadence, int daysSince, bool due)
    {
        var member = TestData.Member("ana", cadence, RoundAt.AddDays(-daysSince));
        Assert.Equal(due, Eligibility.IsDue(member, RoundAt));
        Assert.Equal(due, Eligibility.IsEligible(member, RoundAt));
    }

    [Fact]
    public void Never_paired_member_is_always_due()
    {
        Assert.True(Eligibility.IsDue(TestData.Member("ana", Cadence.Monthly), RoundAt));
    }
}
