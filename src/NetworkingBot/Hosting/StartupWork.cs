using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Hosting.Settings;
using NetworkingBot.Shell;

namespace NetworkingBot.Hosting;

/// <summary>
/// Runs before the shell and the adapters take input: the store's migrations and every program's next round on
/// the scheduler. The catch-up (a missed round within the grace period; deliveries a crash interrupted) then runs
/// beside the adapters on a Discord or Slack host, so commands are answered at once after a restart even while
/// the catch-up waits out a crashed instance's lease; the shell still runs it before its first line, so a script
/// sees a finished catch-up. A store that cannot be opened stops the start with a <see cref="StartupException"/>
/// naming its setting.
/// </summary>
public sealed class StartupWork(
    IEnumerable<IStoreInitializer> initializers,
    StoreSetting store,
    ICoffeeScheduleStore programs,
    IRoundScheduler scheduler,
    IServiceScopeFactory scopes,
    ILogger<StartupWork> logger,
    ShellClockKeeper? shellClock = null) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _catchUp = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var initializer in initializers)
        {
            try
            {
                await initializer.InitializeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (store.Describe(ex) is { } problem)
            {
                // A store the settings name that cannot be opened is the operator's to fix: one line, no trace.
                throw new StartupException(problem, ex);
            }
        }

        // The shell's clock continues where it stopped, before any round is scheduled from it.
        if (shellClock is not null)
        {
            await shellClock.ResumeAsync(cancellationToken).ConfigureAwait(false);
        }

        var all = await programs.ListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var program in all)
        {
            await scheduler.ScheduleProgramAsync(program, cancellationToken).ConfigureAwait(false);
        }

        if (shellClock is not null)
        {
            await CatchUpAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // The hosted services after this one (the adapters) start only when this returns: the catch-up may wait up
            // to a lease's life for a crashed instance, and a restarted bot must answer commands meanwhile.
            _catchUp = Task.Run(() => CatchUpAsync(_stopping.Token), CancellationToken.None);
        }

        logger.LogInformation("Started with {Programs} coffee-chat programs scheduled", all.Count);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _catchUp.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RoundService>().CatchUpAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The catch-up only repeats work that stored state still owes; the catch-up job tries again in a few minutes,
            // and the bot is more use answering commands meanwhile than not starting at all.
            logger.LogError("The start-up catch-up failed ({ExceptionType}: {Reason}); the catch-up job tries again in 5 minutes", ex.GetType().Name, ex.Message);
            logger.LogDebug(ex, "The start-up catch-up's failure in full");
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopped while catching up: what is left is still owed in the store, and the next start catches it up.
        }
    }
}
