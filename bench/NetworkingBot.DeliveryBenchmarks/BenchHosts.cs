using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Scheduling;
using NetworkingBot.Hosting;
using NetworkingBot.Shell;

namespace NetworkingBot.DeliveryBenchmarks;

/// <summary>
/// The real host on a SQLite file, on the system clock (the pace is real), with the community seeded straight into
/// the store: joining 1,000 members through commands would measure the commands, not the delivery.
/// </summary>
internal static class BenchHosts
{
    /// <summary>
    /// The Discord client that ships (Discord.Net, issue 15), named explicitly so the figures stay for it whichever
    /// client is the default.
    /// </summary>
    public static readonly string[] DiscordClient = ["--Discord:Client=discord.net"];

    public static string TempDb() => Path.Combine(Path.GetTempPath(), $"nb-delivery-{Guid.NewGuid():N}.db");

    public static IHost Build(string[] store, params string[] settings) =>
        BotHost.Build(ShellArguments.Parse([.. store, "--Logging:LogLevel:Default=Warning", .. settings]), TextWriter.Null);

    public static async Task SeedAsync(IServiceProvider services, string community, string channel, IReadOnlyList<string> userIds)
    {
        var now = DateTimeOffset.UtcNow;
        var programs = services.GetRequiredService<ICoffeeScheduleStore>();
        await programs.UpsertAsync(new CoffeeSchedule(community, channel, DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", Cadence.Weekly, 2, 4,
            DateOnly.FromDateTime(now.UtcDateTime), true, now));
        var members = services.GetRequiredService<IMemberStore>();
        string[] interests = ["archives", "cataloguing", "reference", "outreach", "metadata", "instruction"];
        for (var i = 0; i < userIds.Count; i++)
        {
            var profile = new MemberProfile([interests[i % interests.Length], interests[(i / 6) % interests.Length]], "UTC",
                CareerStage.Unspecified, LookingFor.Any, MeetingFormat.Virtual, null, Cadence.Weekly);
            await members.UpsertAsync(new Member(community, userIds[i], $"Member {i}", profile, MemberStatus.Active, now.AddDays(-30), null, false, 0, null));
        }
    }

    /// <summary>Runs a round now and returns how long it took, from the call to the last intro accepted.</summary>
    public static async Task<(TimeSpan Took, RoundOutcome Outcome)> RoundAsync(IServiceProvider services, string community)
    {
        await using var scope = services.CreateAsyncScope();
        var rounds = scope.ServiceProvider.GetRequiredService<RoundService>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var outcome = await rounds.RunNowAsync(community, CancellationToken.None);
        return (clock.Elapsed, outcome);
    }
}
