using System.Globalization;
using Microsoft.Extensions.Hosting;
using NetworkingBot.Hosting;
using NetworkingBot.Shell;

namespace NetworkingBot.Tests;

/// <summary>
/// The shell's clock is kept with the data: after <c>advance</c>, a restart on the same store continues at the
/// advanced time (rounds planned from it are not left in the future), unless <c>--Shell:ClockStart</c> says otherwise.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ShellClockTests
{
    [Fact]
    public async Task After_advance_a_restart_on_the_same_file_continues_the_clock_and_members_stay_eligible()
    {
        var db = ShellRunner.TempDb();
        var first = await RunAsync(["--db", db], [Scripts.Setup, .. Scripts.FiveMembers, "advance 8d", "now"]);
        var advanced = ClockOf(first);

        var second = await RunAsync(["--db", db], ["now", "@admin /coffee preview"]);

        Assert.True(ClockOf(second) >= advanced, $"the clock went back from {advanced:u} to {ClockOf(second):u}");
        var preview = Assert.Single(second, l => l.Kind == "reply");
        Assert.Contains("5 eligible members", preview.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_clock_start_wins_over_the_saved_clock()
    {
        var db = ShellRunner.TempDb();
        await RunAsync(["--db", db], ["advance 30d"]);

        var restarted = await RunAsync(["--db", db, "--Shell:ClockStart=2026-01-05T10:00:00Z"], ["now"]);

        Assert.Equal(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero), ClockOf(restarted));
    }

    [Fact]
    public async Task A_clock_start_run_is_continued_by_a_restart_without_one()
    {
        var db = ShellRunner.TempDb();
        await RunAsync(["--db", db, "--Shell:ClockStart=2030-03-04T09:00:00Z"], ["advance 2d"]);

        var restarted = await RunAsync(["--db", db], ["now"]);

        var now = ClockOf(restarted);
        Assert.InRange(now, new DateTimeOffset(2030, 3, 6, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2030, 3, 6, 9, 5, 0, TimeSpan.Zero));
    }

    [RedisHostFact]
    public async Task On_redis_the_clock_is_kept_under_the_deployment_prefix()
    {
        string[] redis = ["--State:Provider=redis", $"--State:Redis:ConnectionString={RedisHostFactAttribute.Address},prefix=nbclock:{Guid.NewGuid():N}:"];
        await RunAsync([.. redis, "--Shell:ClockStart=2031-05-06T07:00:00Z"], ["advance 3d"]);

        var restarted = await RunAsync(redis, ["now"]);

        Assert.InRange(ClockOf(restarted), new DateTimeOffset(2031, 5, 9, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2031, 5, 9, 7, 5, 0, TimeSpan.Zero));
    }

    private static async Task<IReadOnlyList<ShellLine>> RunAsync(IReadOnlyList<string> settings, IEnumerable<string> lines)
    {
        var script = Path.Combine(Path.GetTempPath(), $"nb-clock-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(script, lines);
        var writer = new StringWriter();
        try
        {
            using var host = BotHost.Build(ShellArguments.Parse(["shell", "--script", script, "--json", .. settings]), writer);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await host.RunAsync(timeout.Token);
        }
        finally
        {
            File.Delete(script);
        }

        return writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{')).Select(ShellLine.Parse).ToList();
    }

    private static DateTimeOffset ClockOf(IReadOnlyList<ShellLine> lines)
    {
        var text = lines.Last(l => l.Kind == "shell" && l.Text.StartsWith("Shell clock: ", StringComparison.Ordinal)).Text;
        return DateTimeOffset.ParseExact(text["Shell clock: ".Length..], "yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }
}
