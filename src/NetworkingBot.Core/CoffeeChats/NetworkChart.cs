using NetworkingBot.Core.Charts;
using NetworkingBot.Core.Network;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>
/// The "my network" figures beside /coffee stats: people met (new entries in members' logs, by the month of the first
/// meeting) and introductions made with /intro, per month in the program's zone. Network keeps no community-wide
/// index, so this reads the logs and introductions of the coffee-chat members, the program that feeds it most.
/// </summary>
public static class NetworkChart
{
    public const string FileName = "network-stats.png";

    /// <summary>The figures of <paramref name="members"/>' logs and introductions over <paramref name="months"/>.</summary>
    public static async Task<Chart> BuildAsync(
        INetworkStore store, string communityId, IReadOnlyList<Member> members, IReadOnlyList<ChartPeriod> months, TimeZoneInfo zone, string altText, CancellationToken cancellationToken)
    {
        var since = months[0].Start;
        var met = new List<DateTimeOffset>();
        var intros = new List<DateTimeOffset>();
        foreach (var member in members)
        {
            var log = await store.ListContactsAsync(communityId, member.UserId, null, 0, int.MaxValue, cancellationToken).ConfigureAwait(false);
            met.AddRange(log.Contacts.Where(c => !c.Planned && c.FirstMet >= since).Select(c => c.FirstMet));
            var made = await store.ListIntrosSinceAsync(communityId, member.UserId, since, cancellationToken).ConfigureAwait(false);
            intros.AddRange(made.Select(i => i.At));
        }

        return new Chart(
            months.Count == 1 ? "My network: this month" : $"My network: the last {months.Count} months",
            FileName,
            $"Month ({zone.Id})",
            [.. months.Select(m => m.Label)],
            [
                new ChartPanel("Meetings logged and introductions made", "Count", ChartKind.Bars,
                [
                    new ChartSeries("People met (new log entries)", months.Select(m => (double)met.Count(m.Holds)).ToList()),
                    new ChartSeries("Introductions made", months.Select(m => (double)intros.Count(m.Holds)).ToList()),
                ]),
            ],
            altText);
    }
}
