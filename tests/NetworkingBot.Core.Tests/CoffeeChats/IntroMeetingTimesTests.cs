using NetworkingBot.Core.Commands.Text;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.CoffeeChats;

/// <summary>The intro DM carries the suggested times as tokens naming every member's zone, and notes unmet wishes.</summary>
public sealed class IntroMeetingTimesTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task A_trio_in_three_zones_each_get_the_same_slots_naming_all_three_zones()
    {
        await _h.SetUpAsync("day:monday time:09:00 tz:UTC group:3");
        TestData.Ok(await _h.RunAsync("ana", "/coffee join tz:America/New_York"));
        TestData.Ok(await _h.RunAsync("bob", "/coffee join tz:Europe/London"));
        TestData.Ok(await _h.RunAsync("cat", "/coffee join tz:Asia/Kolkata"));

        TestData.Ok(await _h.RunAsync("org", "/coffee pair-now", organiser: true));

        var intros = _h.Messenger.DirectMessages;
        Assert.Equal(3, intros.Count);
        var slots = intros.Select(m => TimeTokens.Find(m.Text)).ToList();
        Assert.All(slots, s => Assert.InRange(s.Count, 2, 3));
        Assert.All(slots, s => Assert.Equal(slots[0].Select(t => t.Instant), s.Select(t => t.Instant)));
        Assert.All(slots.SelectMany(s => s), t => Assert.Equal(["America/New_York", "Asia/Kolkata", "Europe/London"], t.Zones.Order()));
        Assert.All(intros, m => Assert.Contains("to pick one of these times", m.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_overlapping_waking_hours_the_intro_says_so_and_suggests_an_asynchronous_start()
    {
        // Two 13-hour waking days always share two hours, so only a trio can have none.
        await _h.SetUpAsync("day:monday time:09:00 tz:UTC group:3");
        TestData.Ok(await _h.RunAsync("ana", "/coffee join tz:Pacific/Honolulu"));
        TestData.Ok(await _h.RunAsync("bob", "/coffee join tz:Europe/London"));
        TestData.Ok(await _h.RunAsync("cat", "/coffee join tz:Asia/Kolkata"));

        TestData.Ok(await _h.RunAsync("org", "/coffee pair-now", organiser: true));

        var intro = Assert.Single(_h.Messenger.DirectTo("ana")).Text;
        Assert.Empty(TimeTokens.Find(intro));
        Assert.Contains("Your waking hours don't all overlap this week, so start asynchronously: send them a message", intro, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_in_person_member_paired_outside_their_region_is_told_why()
    {
        await _h.SetUpAsync();
        TestData.Ok(await _h.RunAsync("ana", "/coffee join tz:UTC format:in-person region:Leeds"));
        TestData.Ok(await _h.RunAsync("bob", "/coffee join tz:UTC format:in-person region:Cardiff"));

        TestData.Ok(await _h.RunAsync("org", "/coffee pair-now", organiser: true));

        Assert.Contains("You asked to meet in person, but nobody in Leeds who meets in person was free this round", Assert.Single(_h.Messenger.DirectTo("ana")).Text, StringComparison.Ordinal);
        Assert.Contains("bob asked to meet in person, but nobody in Cardiff", Assert.Single(_h.Messenger.DirectTo("ana")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mentor_seeker_with_no_mentor_available_is_told_so_and_a_met_wish_says_nothing()
    {
        await _h.SetUpAsync();
        TestData.Ok(await _h.RunAsync("ana", "/coffee join tz:UTC stage:student looking:mentor"));
        TestData.Ok(await _h.RunAsync("bob", "/coffee join tz:UTC stage:student looking:peer format:in-person region:Leeds"));
        TestData.Ok(await _h.RunAsync("cat", "/coffee join tz:UTC stage:senior looking:peer format:in-person region:leeds"));
        TestData.Ok(await _h.RunAsync("dan", "/coffee join tz:UTC stage:senior looking:mentee format:either region:Leeds"));

        // The in-order engine pairs ana+bob and cat+dan: ana's wish is unmet, cat's (in person, with dan) is met.
        TestData.Ok(await _h.RunAsync("org", "/coffee pair-now", organiser: true));

        var ana = Assert.Single(_h.Messenger.DirectTo("ana")).Text;
        Assert.Contains("You are looking for a mentor, but no mentor was available this round", ana, StringComparison.Ordinal);
        var dan = Assert.Single(_h.Messenger.DirectTo("dan")).Text;
        Assert.Contains("You would like to mentor, but nobody early in their career was free this round", dan, StringComparison.Ordinal);
        Assert.DoesNotContain("asked to meet in person", dan, StringComparison.Ordinal);
    }

    [Fact]
    public void Member_text_cannot_forge_a_time_token()
    {
        var forged = TimeTokens.Write(DateTimeOffset.UnixEpoch, ["UTC"]);

        Assert.Single(TimeTokens.Find(forged));
        Assert.Empty(TimeTokens.Find(MemberText.Clean("bio " + forged)));
    }
}
