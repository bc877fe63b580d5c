using Discord;
using Discord.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NetworkingBot.Discord.Client;
using NetworkingBot.Testing;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Discord.Tests.Client;

/// <summary>
/// The deadline decision against Discord.Net's two habits that the loopback rig meets only on a busy machine: it hands
/// the rate-limit callback to the thread pool (so a 429's retry_after can arrive after its exception), and it refuses
/// on its own a response more than 3 s after the interaction's snowflake time (a little before our deadline).
/// </summary>
public sealed class CallbackDeadlineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingLogger<CallbackDeadlineTests> _log = new();
    private readonly List<RequestOptions> _sends = [];

    private DateTimeOffset Deadline => _time.GetUtcNow() + TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_retry_after_reported_after_the_429_is_still_the_one_decided_on()
    {
        var deadline = new CallbackDeadline(_time, _log);

        var sending = deadline.SendAsync("i1", Deadline, Send(_ => throw Limited()), CancellationToken.None);
        await _sends[0].RatelimitCallback(new Info(RetryAfter: 10));

        Assert.False(await sending.WaitAsync(Patience));
        Assert.Single(_sends);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("i1 for 10 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_retry_after_that_ends_in_time_is_waited_out_on_the_clock_and_the_answer_is_sent_again()
    {
        var deadline = new CallbackDeadline(_time, _log);

        var sending = deadline.SendAsync("i2", Deadline, Send(n => n == 1 ? LimitedTold(new Info(ResetAfter: TimeSpan.FromSeconds(0.5), Remaining: 0)) : Task.CompletedTask), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(0.4));
        Assert.Single(_sends);
        _time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.True(await sending.WaitAsync(Patience));
        Assert.Equal(2, _sends.Count);
        Assert.Empty(_log.Entries);
    }

    [Fact]
    public async Task A_retry_that_Discord_Net_refuses_as_too_late_is_given_up_with_the_one_line()
    {
        var deadline = new CallbackDeadline(_time, _log);

        var sending = deadline.SendAsync("i3", Deadline, Send(n => n == 1
            ? LimitedTold(new Info(ResetAfter: TimeSpan.FromSeconds(0.5), Remaining: 0))
            : throw new TimeoutException("Cannot respond to an interaction after 3 seconds!")), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(0.5));

        Assert.False(await sending.WaitAsync(Patience));
        Assert.Equal(2, _sends.Count);
        Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("rate limited the answer to interaction i3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_timeout_without_a_429_is_not_passed_off_as_a_rate_limit()
    {
        var deadline = new CallbackDeadline(_time, _log);

        await Assert.ThrowsAsync<TimeoutException>(() => deadline.SendAsync("i4", Deadline, Send(_ => throw new TimeoutException()), CancellationToken.None));
        Assert.Empty(_log.Entries);
    }

    [Fact]
    public async Task A_429_with_no_retry_after_at_all_waits_a_second_after_the_grace()
    {
        var deadline = new CallbackDeadline(_time, _log);

        var started = _time.GetUtcNow();
        var sending = deadline.SendAsync("i5", Deadline, Send(n => n == 1 ? throw Limited() : Task.CompletedTask), CancellationToken.None);

        // The grace's continuation may run on the thread pool, so the clock moves in steps until the second send.
        await Eventually.TrueAsync(() =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(50));
            return sending.IsCompleted;
        }, "the second send", Patience);

        Assert.True(await sending);
        Assert.Equal(2, _sends.Count);
        Assert.True(_time.GetUtcNow() - started >= CallbackDeadline.CallbackGrace + TimeSpan.FromSeconds(1), $"sent again after {_time.GetUtcNow() - started}");
    }

    private static RateLimitedException Limited() => new(new Request());

    /// <summary>A 429 whose callback ran before the exception, as on a quiet machine.</summary>
    private Task LimitedTold(Info info)
    {
        _sends[^1].RatelimitCallback(info);
        throw Limited();
    }

    private Func<RequestOptions, Task> Send(Func<int, Task> attempt) => options =>
    {
        _sends.Add(options);
        return attempt(_sends.Count);
    };

    private sealed class Request : IRequest
    {
        public DateTimeOffset? TimeoutAt => null;

        public RequestOptions Options { get; } = new();
    }

    private sealed record Info(int? RetryAfter = null, TimeSpan? ResetAfter = null, int? Remaining = null) : IRateLimitInfo
    {
        public bool IsGlobal => false;

        public int? Limit => 5;

        public DateTimeOffset? Reset => null;

        public string Bucket => "interactions";

        public TimeSpan? Lag => null;

        public string Endpoint => "interactions/{id}/{token}/callback";
    }
}
