using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Rounds;

public sealed class CheckInFlowTests : IDisposable
{
    private static readonly DateTimeOffset FirstSlot = new(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    private async Task<Round> RunRoundAsync(int index)
    {
        var slot = FirstSlot.AddDays(7 * index);
        _h.Clock.SetUtcNow(slot.AddMinutes(1));
        var outcome = await _h.GetService<RoundService>().RunScheduledAsync(CoreHarness.Community, slot, default);
        var round = Assert.IsType<RoundOutcome.Ran>(outcome).Round;
        _h.Clock.SetUtcNow(round.CheckInAt);
        await _h.GetService<CheckInService>().SendAsync(round.RoundId, default);
        return round;
    }

    private static string Press(OutboundMessage checkIn, string label) =>
        Assert.Single(checkIn.Buttons, b => b.Label == label).Command;

    [Fact]
    public async Task Check_in_goes_once_to_every_grouped_member_with_three_buttons()
    {
        await _h.SetUpAsync();
        await _h.JoinAsync("ana", "bob", "cat");
        var round = await RunRoundAsync(0);
        await _h.GetService<CheckInService>().SendAsync(round.RoundId, default);

        foreach (var user in new[] { "ana", "bob", "cat" })
        {
            var checkIn = Assert.Single(_h.Messenger.DirectTo(user), m => m.DedupKey.EndsWith($":checkin:{user}", StringComparison.Ordinal));
            Assert.Equal(
                [
                    $"/coffee checkin round:{round.RoundId} answer:met",
                    $"/coffee checkin round:{round.RoundId} answer:scheduled",
                    $"/coffee checkin round:{round.RoundId} answer:not-this-time",
                ],
                checkIn.Buttons.Select(b => b.Command));
        }

        Assert.Equal(RoundStatus.CheckInSent, _h.Store.RoundsOf(CoreHarness.Community)[0].Status);
    }

    [Fact]
    public async Task Pressing_a_button_records_the_answer_and_others_cannot_answer()
    {
        await _h.SetUpAsync();
        await _h.JoinAsync("ana", "bob", "cat", "dan");
        var round = await RunRoundAsync(0);
        var anaCheckIn = Assert.Single(_h.Messenger.DirectTo("ana"), m => m.Buttons.Count == 3);

        var reply = TestData.Ok(await _h.RunAsync("ana", Press(anaCheckIn, "We met")));
        Assert.Contains("Wonderful", reply.Body, StringComparison.Ordinal);
        TestData.Ok(await _h.RunAsync("ana", Press(anaCheckIn, "Scheduled")));

        var answer = Assert.Single(await _h.Store.GetCheckInsAsync(round.RoundId));
        Assert.Equal(("ana", CheckInAnswer.Scheduled), (answer.UserId, answer.Answer));

        var before = _h.Store.Snapshot();
        TestData.Failed(await _h.RunAsync("zed", Press(anaCheckIn, "We met")), "no_such_checkin");
        TestData.Failed(await _h.RunAsync("ana", "/coffee checkin round:rnope answer:met"), "no_such_checkin");
        Assert.Equal(before, _h.Store.Snapshot());
    }

    [Fact]
    public async Task Three_ignored_check_ins_in_a_row_pause_the_member_and_tell_them()
    {
        await _h.SetUpAsync();
        await _h.JoinAsync("ana", "bob");
        for (var i = 0; i < 3; i++)
        {
            var round = await RunRoundAsync(i);
            TestData.Ok(await _h.RunAsync("bob", $"/coffee checkin round:{round.RoundId} answer:met"));
        }

        Assert.Equal(2, _h.Store.MemberOf(CoreHarness.Community, "ana")!.IgnoredCheckIns);
        await RunRoundAsync(3);

        var ana = _h.Store.MemberOf(CoreHarness.Community, "ana")!;
        Assert.True(ana.IsPausedAt(_h.Clock.GetUtcNow().AddYears(5)));
        Assert.Equal(0, ana.IgnoredCheckIns);
        Assert.Single(_h.Messenger.DirectTo("ana"), m => m.Text == CoffeeTexts.AutoPaused);
        Assert.Equal(0, _h.Store.MemberOf(CoreHarness.Community, "bob")!.IgnoredCheckIns);
        Assert.DoesNotContain(_h.Messenger.DirectTo("bob"), m => m.Text == CoffeeTexts.AutoPaused);
        Assert.Equal(["bob"], _h.Store.RoundsOf(CoreHarness.Community)[3].Unmatched);
        Assert.Contains("paused until you `/coffee resume`", TestData.Ok(await _h.RunAsync("ana", "/coffee status")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answering_resets_the_ignored_count()
    {
        await _h.SetUpAsync();
        await _h.JoinAsync("ana", "bob");
        await RunRoundAsync(0);
        await RunRoundAsync(1);
        var third = await RunRoundAsync(2);
        Assert.Equal(2, _h.Store.MemberOf(CoreHarness.Community, "ana")!.IgnoredCheckIns);

        TestData.Ok(await _h.RunAsync("ana", $"/coffee checkin round:{third.RoundId} answer:not-this-time"));
        Assert.Equal(0, _h.Store.MemberOf(CoreHarness.Community, "ana")!.IgnoredCheckIns);
        await RunRoundAsync(3);

        var ana = _h.Store.MemberOf(CoreHarness.Community, "ana")!;
        Assert.Null(ana.PausedUntil);
        Assert.Equal(0, ana.IgnoredCheckIns);
        Assert.DoesNotContain(_h.Messenger.DirectTo("ana"), m => m.Text == CoffeeTexts.AutoPaused);
    }
}
