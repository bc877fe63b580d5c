using NetworkingBot.Core.Commands;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.JobLeads;

/// <summary>Job-lead shortcuts over the core harness.</summary>
internal static class JobHarness
{
    public const string Lead = "title:\"Metadata Librarian\" employer:\"Lawrence Public Library\" type:full-time location:\"Lawrence, KS\" link:https://example.org/jobs/42 tags:metadata,cataloging";

    public const string Share = "/job share " + Lead;

    public static async Task BoardAsync(this CoreHarness h, string options = "channel:#jobs digest-day:friday digest-time:09:00 tz:UTC") =>
        TestData.Ok(await h.RunAsync("org", $"/job setup {options}", organiser: true));

    public static IJobLeadStore Jobs(this CoreHarness h) => h.GetService<IJobLeadStore>();

    public static async Task<IReadOnlyList<JobLead>> LeadsAsync(this CoreHarness h) =>
        await h.Jobs().ListLeadsAsync(CoreHarness.Community, DateTimeOffset.MinValue);

    public static Task<int> TickAsync(this CoreHarness h) => h.GetService<JobSchedule>().ProcessDueAsync(h.Clock.GetUtcNow(), CancellationToken.None);

    public static async Task<Reply> ShareAsync(this CoreHarness h, string user, string options) =>
        TestData.Ok(await h.RunAsync(user, "/job share " + options));
}
