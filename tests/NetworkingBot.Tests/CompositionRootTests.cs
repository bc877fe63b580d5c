using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Hosting;
using NetworkingBot.Shell;
using Quartz;

namespace NetworkingBot.Tests;

/// <summary>
/// What the composition root picks: a platform host keeps real time and has no console shell in it; the shell has
/// its own adjustable clock, the one clock everything (Quartz included) reads.
/// </summary>
public sealed class CompositionRootTests
{
    private const string FarClockStart = "--Shell:ClockStart=2031-01-06T09:00:00Z";

    [Fact]
    public async Task A_Discord_host_runs_on_the_system_clock_even_with_a_shell_clock_start_set()
    {
        using var host = BotHost.Build(ShellArguments.Parse(["--db", ShellRunner.TempDb(), "--Discord:Token=test-token", FarClockStart]), TextWriter.Null);

        Assert.Same(TimeProvider.System, Assert.Single(host.Services.GetServices<TimeProvider>()));
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var catchUp = await scheduler.GetTrigger(new TriggerKey("catch-up"));
        // The first catch-up is five minutes after the start by the clock in use: real time, not 2031.
        Assert.InRange(catchUp!.StartTimeUtc, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(6));
    }

    [Fact]
    public void A_Slack_host_has_none_of_the_shells_services()
    {
        using var host = BotHost.Build(ShellArguments.Parse(["--db", ShellRunner.TempDb(), "--Slack:AppToken=xapp-1-A111-test", "--Slack:BotToken=xoxb-test"]), TextWriter.Null);

        Assert.Null(host.Services.GetService<ShellClock>());
        Assert.Null(host.Services.GetService<ShellClockKeeper>());
        Assert.Null(host.Services.GetService<ShellTimeTravel>());
        Assert.Null(host.Services.GetService<ShellOutput>());
        Assert.DoesNotContain(host.Services.GetServices<IPlatformMessenger>(), m => m is ConsoleMessenger);
        Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), s => s is ConsoleShell);
    }

    [Fact]
    public async Task The_shell_runs_on_its_own_clock_which_Quartz_reads_too()
    {
        using var host = BotHost.Build(ShellArguments.Parse(["shell", "--db", ShellRunner.TempDb(), FarClockStart]), TextWriter.Null);

        var clock = host.Services.GetRequiredService<ShellClock>();
        Assert.Same(clock, Assert.Single(host.Services.GetServices<TimeProvider>()));
        Assert.InRange(clock.GetUtcNow(), new DateTimeOffset(2031, 1, 6, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2031, 1, 6, 9, 5, 0, TimeSpan.Zero));
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var catchUp = await scheduler.GetTrigger(new TriggerKey("catch-up"));
        Assert.Equal(new DateTime(2031, 1, 6), catchUp!.StartTimeUtc.UtcDateTime.Date);
        Assert.Single(host.Services.GetServices<IPlatformMessenger>(), m => m is ConsoleMessenger);
    }
}
