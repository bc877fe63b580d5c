using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Testing.Fakes;
using Xunit;

namespace NetworkingBot.Storage.Sqlite.Tests;

/// <summary>
/// Two instances on one SQLite file (the job-lead and interview ports have no Redis store yet): the job sweep and
/// the interview steps, run by both at the same moment, send each message once. Sends are slowed so the two
/// runs overlap for their whole length.
/// </summary>
public sealed class SeveralInstancesTests : IAsyncDisposable
{
    // Wednesday 4 March 2026, 12:00 UTC.
    private static readonly DateTimeOffset Start = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(100);

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly RecordingMessenger _sentByA = new();
    private readonly RecordingMessenger _sentByB = new();
    private readonly SqliteCoreInstance _a;
    private readonly SqliteCoreInstance _b;

    public SeveralInstancesTests()
    {
        _a = new SqliteCoreInstance(_database.PathOf(), new SlowMessenger(_sentByA, Slow), _clock);
        _b = new SqliteCoreInstance(_database.PathOf(), new SlowMessenger(_sentByB, Slow), _clock);
    }

    private List<OutboundMessage> Sent => [.. _sentByA.Sent, .. _sentByB.Sent];

    [Fact]
    public async Task Expiry_notices_and_a_daily_digest_go_out_once_when_both_instances_sweep_at_once()
    {
        Ok(await _a.RunAsync("org", "/job setup channel:#jobs digest-day:off tz:UTC", organizer: true));
        Ok(await _b.RunAsync("cam", "/job subscribe delivery:daily tz:UTC"));
        for (var i = 0; i < 6; i++)
        {
            var deadline = i < 3 ? " deadline:2026-03-05" : "";
            Ok(await _a.RunAsync("ana", $"/job share title:\"Cataloger {i}\" employer:\"Library {i}\" type:full-time remote:yes{deadline}"));
        }

        Clear();
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 6, 9, 5, 0, TimeSpan.Zero)); // the deadlines passed; cam's 09:00 too

        await SweepOnBothAsync();

        Assert.All(Enumerable.Range(0, 3), i => Assert.Single(Sent, m => m.Kind == MessageKind.Channel && m.DedupKey.EndsWith($":{i + 1}:expired", StringComparison.Ordinal)));
        Assert.Equal(3, Sent.Count(m => m.Kind == MessageKind.Channel));
        var digest = Assert.Single(Sent, m => m.UserId == "cam");
        Assert.All(Enumerable.Range(3, 3), i => Assert.Contains($"Cataloger {i}", digest.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_weekly_digest_goes_out_once_when_both_instances_sweep_at_once()
    {
        Ok(await _a.RunAsync("org", "/job setup channel:#jobs digest-day:friday digest-time:09:00 tz:UTC", organizer: true));
        Ok(await _a.RunAsync("ana", "/job share title:\"Metadata Librarian\" employer:\"Lawrence Public Library\" type:full-time remote:yes"));
        Ok(await _b.RunAsync("cam", "/job list")); // B has opened the file too, so neither starts the sweep late
        Clear();
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 6, 9, 5, 0, TimeSpan.Zero)); // Friday 09:05

        await SweepOnBothAsync();

        var weekly = Assert.Single(Sent);
        Assert.Contains("This week's job leads", weekly.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unanswered_ask_times_out_once_when_both_instances_run_the_due_steps_at_once()
    {
        Ok(await _a.RunAsync("ann", "/interview offer specialties:archives role:\"archivist\" capacity:2"));
        Ok(await _a.RunAsync("bea", "/interview offer specialties:archives role:\"archivist\" capacity:2"));
        Ok(await _b.RunAsync("rita", "/interview request specialties:archives learn:\"how you got started\""));
        var first = Assert.Single(Sent, m => m.UserId is "ann" or "bea").UserId!;
        var second = first == "ann" ? "bea" : "ann";
        Clear();
        _clock.Advance(TimeSpan.FromHours(72));

        await Task.WhenAll(
            Task.Run(() => _a.InScopeAsync(async s => { await s.GetRequiredService<IDueWork>().RunDueAsync(default); return 0; })),
            Task.Run(() => _b.InScopeAsync(async s => { await s.GetRequiredService<IDueWork>().RunDueAsync(default); return 0; })));

        Assert.Single(Sent, m => m.UserId == first);
        Assert.Single(Sent, m => m.UserId == second);
        Assert.Contains("didn't answer within 72 hours", Assert.Single(Sent, m => m.UserId == "rita").Text, StringComparison.Ordinal);
        Assert.Equal(3, Sent.Count);
    }

    private Task<int[]> SweepOnBothAsync() => Task.WhenAll(
        Task.Run(() => _a.InScopeAsync(s => s.GetRequiredService<JobSchedule>().ProcessDueAsync(_clock.GetUtcNow(), default))),
        Task.Run(() => _b.InScopeAsync(s => s.GetRequiredService<JobSchedule>().ProcessDueAsync(_clock.GetUtcNow(), default))));

    private void Clear()
    {
        _sentByA.Clear();
        _sentByB.Clear();
    }

    private static Reply Ok(CommandResult result) => Assert.IsType<Reply>(result);

    public async ValueTask DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        _database.Dispose();
    }
}
