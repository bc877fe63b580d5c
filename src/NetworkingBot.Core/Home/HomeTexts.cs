using System.Globalization;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Text;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Core.Network;

namespace NetworkingBot.Core.Home;

/// <summary>The words of the home view's sections; data in, sections out, so each reads on its own.</summary>
internal static class HomeTexts
{
    public static MemberHome FirstSteps(string userId) => new(
        $"Welcome, <@{userId}>! I help library folks meet each other. Three ways to start:",
        true,
        [
            new HomeSection("☕ Coffee chats", ["Get paired with a colleague for a 20-minute chat, on a schedule that suits you."],
                [new ButtonSpec("Join coffee chats", "/coffee join", ButtonStyle.Primary)]),
            new HomeSection("🎙 Informational interviews", ["Ask someone in a specialty you're curious about for 15-20 minutes, or volunteer to be asked."],
                [new ButtonSpec("Ask for an interview", "/interview request")]),
            new HomeSection("💼 Job leads", ["Type `/job subscribe tags:metadata delivery:daily` to hear about matching leads, or `/job share` to pass one on."], []),
        ]);

    public static HomeSection Interviews(IReadOnlyList<InterviewRequest> open, InterviewOffer? offer, int acceptedThisMonth)
    {
        var lines = open.Select(r => $"Your request `{r.RequestId}` ({InterviewTexts.Topic(r)}): {Status(r)}").ToList();
        if (offer is not null)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"Your offer ({offer.Status.ToString().ToLowerInvariant()}): {string.Join(", ", offer.Specialties)}; {acceptedThisMonth} of {offer.MonthlyCapacity} interviews this month."));
        }

        if (lines.Count == 0)
        {
            lines.Add("No open requests and no offer.");
        }

        return new HomeSection("🎙 Informational interviews", lines, offer is null && open.Count == 0 ? [new ButtonSpec("Ask for an interview", "/interview request")] : []);
    }

    public static HomeSection Jobs(JobSubscription? subscription)
    {
        if (subscription is null)
        {
            return new HomeSection("💼 Job leads", ["No job-lead subscription. Type `/job subscribe` with tags, places or types to hear about matching leads."], []);
        }

        var what = new[]
        {
            subscription.Tags.Count > 0 ? "tags " + string.Join(", ", subscription.Tags) : null,
            subscription.LocationWords.Count > 0 ? "places " + string.Join(", ", subscription.LocationWords) : null,
            subscription.Types.Count > 0 ? "types " + string.Join(", ", subscription.Types.Select(JobTypes.Name)) : null,
        }.OfType<string>().ToList();
        var delivery = subscription.Delivery == JobLeadDelivery.Instant ? "as soon as they're shared" : "in a daily digest";
        return new HomeSection("💼 Job leads", [$"Subscribed to {(what.Count == 0 ? "every lead" : string.Join("; ", what))}, {delivery}."],
            [new ButtonSpec("Unsubscribe", "/job unsubscribe", ButtonStyle.Danger)]);
    }

    public static HomeSection Network(IReadOnlyList<NetworkContact> contacts, string? timeZone)
    {
        var zone = Scheduling.RoundSchedule.Zone(timeZone ?? "UTC");
        var lines = contacts.Count == 0
            ? ["Nobody in your network log yet: people you meet through coffee chats, interviews and introductions appear here."]
            : contacts.Select(c => $"{(c.FormerMember ? "a former member" : $"<@{c.OtherId}>")}: last spoke {TimeZoneInfo.ConvertTime(c.LastSpoke, zone).ToString("d MMM yyyy", CultureInfo.InvariantCulture)} ({c.How})").ToList();
        return new HomeSection("🤝 My network", lines, contacts.Count == 0 ? [] : [new ButtonSpec("Export my network", "/network export")]);
    }

    private static string Status(InterviewRequest r) => r.Status switch
    {
        RequestStatus.Asking => "a volunteer has been asked",
        RequestStatus.Waiting => "waiting for a volunteer",
        _ => $"accepted by <@{r.VolunteerId}>",
    };
}
