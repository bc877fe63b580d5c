using System.Globalization;

namespace NetworkingBot.Core.Interviews;

/// <summary>A volunteer who could take a request, with the numbers that ranked them and the line that explains it.</summary>
public sealed record InterviewCandidate(InterviewOffer Offer, IReadOnlyList<string> Shared, int SlotsLeft, int RecentInterviews, double HoursApart)
{
    /// <summary>"matched on: archives; 1 of 2 slots left this month" — shown to the volunteer and, without a name, to the requester.</summary>
    public string Why => string.Create(CultureInfo.InvariantCulture,
        $"matched on: {string.Join(", ", Shared)}; {SlotsLeft} of {Offer.MonthlyCapacity} slot{(Offer.MonthlyCapacity == 1 ? "" : "s")} left this month");
}

/// <summary>
/// Picks volunteers for a request. Pure: everything it needs is passed in, so each rule is tested directly.
/// Only active offers that share a specialty, have a slot left this calendar month (UTC), are not the
/// requester and were not asked before qualify; they rank by shared specialties, then fewest interviews
/// in the last 90 days, then most slots left, then time-zone closeness, then user id (stable).
/// </summary>
public static class InterviewMatcher
{
    public static IReadOnlyList<InterviewCandidate> Rank(
        InterviewRequest request, IReadOnlyList<InterviewOffer> offers, IReadOnlyList<InterviewRequest> requests, DateTimeOffset now)
    {
        var candidates = new List<InterviewCandidate>();
        foreach (var offer in offers)
        {
            if (offer.Status != OfferStatus.Active || offer.UserId == request.RequesterId || request.Asked.Contains(offer.UserId))
            {
                continue;
            }

            var shared = request.Specialties.Where(s => offer.Specialties.Contains(s, StringComparer.Ordinal)).ToList();
            var slotsLeft = SlotsLeft(offer, requests, now, except: request.RequestId);
            if (shared.Count == 0 || slotsLeft <= 0)
            {
                continue;
            }

            var recent = requests.Count(r => r.AcceptedBy(offer.UserId) && r.AcceptedAt > now.AddDays(-90));
            candidates.Add(new InterviewCandidate(offer, shared, slotsLeft, recent, HoursApart(request.TimeZone, offer.TimeZone, now)));
        }

        return candidates
            .OrderByDescending(c => c.Shared.Count)
            .ThenBy(c => c.RecentInterviews)
            .ThenByDescending(c => c.SlotsLeft)
            .ThenBy(c => c.HoursApart)
            .ThenBy(c => c.Offer.UserId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Slots the volunteer has left this calendar month: capacity minus requests accepted this month and
    /// requests waiting for their answer (a pending ask holds a slot, so two accepts can never overfill).
    /// </summary>
    public static int SlotsLeft(InterviewOffer offer, IReadOnlyList<InterviewRequest> requests, DateTimeOffset now, string? except = null)
    {
        var used = requests.Count(r => r.RequestId != except && r.HoldsSlotOf(offer.UserId)
            && (r.Status == RequestStatus.Asking || (r.AcceptedAt is { } at && SameMonth(at, now))));
        return offer.MonthlyCapacity - used;
    }

    /// <summary>Interviews the volunteer accepted in the calendar month (UTC) of <paramref name="now"/>.</summary>
    public static int AcceptedThisMonth(string volunteerId, IReadOnlyList<InterviewRequest> requests, DateTimeOffset now) =>
        requests.Count(r => r.AcceptedBy(volunteerId) && SameMonth(r.AcceptedAt!.Value, now));

    /// <summary>The first instant of the next calendar month (UTC): when every volunteer's slots free up.</summary>
    public static DateTimeOffset NextMonthStart(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
    }

    private static bool SameMonth(DateTimeOffset a, DateTimeOffset b)
    {
        var (x, y) = (a.ToUniversalTime(), b.ToUniversalTime());
        return x.Year == y.Year && x.Month == y.Month;
    }

    // Unknown zones count as "no difference": a missing time zone must not push a volunteer down the list.
    private static double HoursApart(string? a, string? b, DateTimeOffset now)
    {
        if (a is null || b is null || !TimeZoneInfo.TryFindSystemTimeZoneById(a, out var za) || !TimeZoneInfo.TryFindSystemTimeZoneById(b, out var zb))
        {
            return 0;
        }

        var gap = Math.Abs((za.GetUtcOffset(now) - zb.GetUtcOffset(now)).TotalHours);
        return Math.Min(gap, 24 - gap);
    }
}
