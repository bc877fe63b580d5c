using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Core.Leases;
using NetworkingBot.Testing.Fakes;
using Xunit;

namespace NetworkingBot.Testing.SeveralInstances;

/// <summary>
/// Two instances on one store: the job sweep and the interview steps, run by both at the same moment, send each
/// message once. Sends are slowed so the two runs overlap for their whole length. A store's test project derives
/// and supplies the store; nothing here knows how it persists.
/// </summary>
/// <remarks>
/// The job tests rest on the store's lease behind CommunityLocks: with it bypassed both fail. The interview step
/// is guarded twice, by that lease and by its versioned save before any message, so it fails only with both gone.
/// </remarks>
public abstract class ScheduledWorkOnceTests : IAsyncLifetime
{
    // Wednesday 4 March 2026, 12:00 UTC.
    private static readonly DateTimeOffset Start = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(100);

    private readonly ISharedStore _store;
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly RecordingMessenger _sentByA = new();
    private readonly RecordingMessenger _sentByB = new();
    private readonly ICoreInstance _a;
    private readonly ICoreInstance _b;

    protected ScheduledWorkOnceTests(ISharedStore store)
    {
        _store = store;
        _a = store.StartInstance(new SlowMessenger(_sentByA, Slow), _clock);
        _b = store.StartInstance(new SlowMessenger(_sentByB, Slow), _clock);
    }

    private List<OutboundMessage> Sent => [.. _sentByA.Sent, .. _sentByB.Sent];

    [Fact]
    public async Task Expiry_notices_and_a_daily_digest_go_out_once_when_both_instances_sweep_at_once()
    {
        Ok(await _a.RunAsync("org", "/job setup channel:#jobs digest-day:off tz:UTC", organiser: true));
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
        Ok(await _a.RunAsync("org", "/job setup channel:#jobs digest-day:friday digest-time:09:00 tz:UTC", organiser: true));

        // Cam's daily digest goes out before the weekly one in each sweep, so the sweeps overlap from reading the
        // board to posting the weekly digest; without it that window is a few store reads, which a warm run on a
        // local file can close before the other instance starts, and a missing lease would go unseen.
        Ok(await _b.RunAsync("cam", "/job subscribe delivery:daily tz:UTC"));
        Ok(await _a.RunAsync("ana", "/job share title:\"Metadata Librarian\" employer:\"Lawrence Public Library\" type:full-time remote:yes"));
        Clear();
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 6, 9, 5, 0, TimeSpan.Zero)); // Friday 09:05; cam's 09:00 too

        await SweepOnBothAsync();

        Assert.Contains("This week's job leads", Assert.Single(Sent, m => m.Kind == MessageKind.Channel).Text, StringComparison.Ordinal);
        Assert.Contains("Metadata Librarian", Assert.Single(Sent, m => m.UserId == "cam").Text, StringComparison.Ordinal);
        Assert.Equal(2, Sent.Count);
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

        await OnBothAsync(async s =>
        {
            await s.GetRequiredService<IDueWork>().RunDueAsync(default);
            return 0;
        });

        Assert.Single(Sent, m => m.UserId == first);
        Assert.Single(Sent, m => m.UserId == second);
        Assert.Contains("didn't answer within 72 hours", Assert.Single(Sent, m => m.UserId == "rita").Text, StringComparison.Ordinal);
        Assert.Equal(3, Sent.Count);
    }

    private Task<int[]> SweepOnBothAsync() =>
        OnBothAsync(s => s.GetRequiredService<JobSchedule>().ProcessDueAsync(_clock.GetUtcNow(), default));

    /// <summary>Starts <paramref name="work"/> on both instances together, each on a thread and in a scope of its own.</summary>
    private Task<int[]> OnBothAsync(Func<IServiceProvider, Task<int>> work) => Task.WhenAll(
        Task.Run(() => _a.InScopeAsync(work)),
        Task.Run(() => _b.InScopeAsync(work)));

    private void Clear()
    {
        _sentByA.Clear();
        _sentByB.Clear();
    }

    private static Reply Ok(CommandResult result) => Assert.IsType<Reply>(result);

    public Task InitializeAsync() => Task.CompletedTask;

    // IAsyncLifetime, not IAsyncDisposable: xunit 2 never calls the latter on a test class, so the file or the
    // Redis keys would be left behind.
    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _store.DisposeAsync();
    }
}
