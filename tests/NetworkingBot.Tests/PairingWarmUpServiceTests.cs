using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkingBot.Hosting;
using NetworkingBot.Scheduling;
using NetworkingBot.Shell;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Tests;

/// <summary>
/// A Discord or Slack host compiles the pairing engine once it has started (<see cref="PairingWarmUpService"/>);
/// the shell does not; a failed warm-up is logged and stops nothing.
/// </summary>
public sealed class PairingWarmUpServiceTests
{
    [Fact]
    public void Platform_hosts_warm_the_pairing_engine_up_and_the_shell_does_not()
    {
        using var discord = BotHost.Build(ShellArguments.Parse(["--db", ShellRunner.TempDb(), "--Discord:Token=test-token"]), TextWriter.Null);
        using var shell = BotHost.Build(ShellArguments.Parse(["shell", "--db", ShellRunner.TempDb()]), TextWriter.Null);

        Assert.Single(discord.Services.GetServices<IHostedService>().OfType<PairingWarmUpService>());
        Assert.Empty(shell.Services.GetServices<IHostedService>().OfType<PairingWarmUpService>());
    }

    [Fact]
    public async Task Nothing_is_planned_before_the_host_has_started()
    {
        using var lifetime = new Lifetime();
        var ran = 0;
        using var service = new PairingWarmUpService(lifetime, new RecordingLogger<PairingWarmUpService>(), () => ++ran);

        await service.StartAsync(CancellationToken.None);
        await lifetime.Asked.WaitAsync(TimeSpan.FromSeconds(30));
        await service.StopAsync(CancellationToken.None);

        // Running, then stopped before the host reported itself started: finished, without planning.
        Assert.True(service.ExecuteTask!.IsCompleted && !service.ExecuteTask.IsFaulted);
        Assert.Equal(0, ran);
    }

    [Fact]
    public async Task Once_the_host_has_started_the_engine_is_warmed_up_on_the_thread_pool()
    {
        using var lifetime = new Lifetime();
        var ran = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var service = new PairingWarmUpService(lifetime, new RecordingLogger<PairingWarmUpService>(), () =>
        {
            ran.TrySetResult(Thread.CurrentThread.IsThreadPoolThread);
            return 3;
        });

        await service.StartAsync(CancellationToken.None);
        lifetime.Start();

        Assert.True(await ran.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(service.ExecuteTask.IsCompletedSuccessfully);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_failed_warm_up_is_logged_and_the_service_ends_cleanly()
    {
        using var lifetime = new Lifetime();
        var logger = new RecordingLogger<PairingWarmUpService>();
        using var service = new PairingWarmUpService(lifetime, logger, () => throw new InvalidOperationException("out of memory, say"));

        await service.StartAsync(CancellationToken.None);
        lifetime.Start();
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

        // A faulted ExecuteTask would stop the host (BackgroundServiceExceptionBehavior.StopHost).
        Assert.True(service.ExecuteTask.IsCompletedSuccessfully);
        var (level, message) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("out of memory, say", message, StringComparison.Ordinal);
        await service.StopAsync(CancellationToken.None);
    }

    private sealed class Lifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource started = new();
        private readonly CancellationTokenSource stopping = new();
        private readonly CancellationTokenSource stopped = new();

        private readonly TaskCompletionSource asked = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes once the service has asked for <see cref="ApplicationStarted"/>: it is running.</summary>
        public Task Asked => asked.Task;

        public CancellationToken ApplicationStarted
        {
            get
            {
                asked.TrySetResult();
                return started.Token;
            }
        }

        public CancellationToken ApplicationStopping => stopping.Token;

        public CancellationToken ApplicationStopped => stopped.Token;

        public void Start() => started.Cancel();

        public void StopApplication() => stopping.Cancel();

        public void Dispose()
        {
            started.Dispose();
            stopping.Dispose();
            stopped.Dispose();
        }
    }
}
