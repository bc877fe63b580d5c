using NetworkingBot.Core.Interviews;

namespace NetworkingBot.Core.Tests.Interviews;

public sealed class InterviewMatcherTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static InterviewOffer Offer(string user, string specialties, int capacity = 2, string? tz = null, OfferStatus status = OfferStatus.Active) =>
        new("c", user, user, specialties.Split(','), "Librarian", null, capacity, null, null, tz, status, Now);

    private static InterviewRequest Request(string id, string requester, string specialties, string? tz = null, params string[] asked) =>
        new(id, "c", requester, requester, specialties.Split(','), "learn", tz, RequestStatus.Waiting, null, asked, 0, null, Now, null, null, null, 0);

    private static InterviewRequest AcceptedBy(string volunteer, DateTimeOffset at) =>
        Request($"done-{volunteer}-{at:MMdd}", "x", "archives") with { Status = RequestStatus.Met, VolunteerId = volunteer, AcceptedAt = at };

    [Fact]
    public void More_shared_specialties_rank_first_and_the_reason_says_why()
    {
        var ranked = InterviewMatcher.Rank(Request("r", "rita", "archives,law"), [Offer("a", "archives"), Offer("b", "archives,law", capacity: 3)], [], Now);
        Assert.Equal(["b", "a"], ranked.Select(c => c.Offer.UserId));
        Assert.Equal("matched on: archives, law; 3 of 3 slots left this month", ranked[0].Why);
    }

    [Fact]
    public void The_requester_those_already_asked_the_inactive_and_the_full_never_qualify()
    {
        var requests = new[] { AcceptedBy("full", Now.AddDays(-2)) };
        var ranked = InterviewMatcher.Rank(Request("r", "rita", "archives", null, "asked"),
            [Offer("rita", "archives"), Offer("asked", "archives"), Offer("paused", "archives", status: OfferStatus.Paused),
             Offer("full", "archives", capacity: 1), Offer("other", "law"), Offer("ok", "archives")], requests, Now);
        Assert.Equal(["ok"], ranked.Select(c => c.Offer.UserId));
    }

    [Fact]
    public void Last_months_interviews_do_not_use_this_months_slots_but_count_as_recent()
    {
        var requests = new[] { AcceptedBy("busy", new DateTimeOffset(2026, 2, 20, 0, 0, 0, TimeSpan.Zero)) };
        var ranked = InterviewMatcher.Rank(Request("r", "rita", "archives"), [Offer("busy", "archives", capacity: 1), Offer("fresh", "archives", capacity: 1)], requests, Now);
        Assert.Equal(["fresh", "busy"], ranked.Select(c => c.Offer.UserId));
        Assert.Equal(1, ranked[1].SlotsLeft);
    }

    [Fact]
    public void A_pending_ask_holds_a_slot()
    {
        var pending = Request("p", "sam", "archives") with { Status = RequestStatus.Asking, VolunteerId = "v" };
        Assert.Equal(0, InterviewMatcher.SlotsLeft(Offer("v", "archives", capacity: 1), [pending], Now));
        Assert.Equal(1, InterviewMatcher.SlotsLeft(Offer("v", "archives", capacity: 1), [pending], Now, except: "p"));
    }

    [Fact]
    public void Closer_time_zones_break_ties()
    {
        var ranked = InterviewMatcher.Rank(Request("r", "rita", "archives", "Europe/London"),
            [Offer("a", "archives", tz: "Asia/Tokyo"), Offer("b", "archives", tz: "Europe/Paris")], [], Now);
        Assert.Equal(["b", "a"], ranked.Select(c => c.Offer.UserId));
    }

    [Fact]
    public void Next_month_starts_on_the_first_at_midnight_utc()
    {
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), InterviewMatcher.NextMonthStart(new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero)));
    }
}
