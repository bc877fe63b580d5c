using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkingBot.Hosting.Settings;
using NetworkingBot.Scheduling;
using NetworkingBot.Shell;

namespace NetworkingBot.Hosting;

/// <summary>
/// The one composition root: settings, the programs, the store, the platforms (or the console shell), then the
/// scheduler. Each step is an extension method in a small file beside what it registers.
/// </summary>
public static class BotHost
{
    /// <param name="arguments">The parsed command line.</param>
    /// <param name="shellWriter">Where the console shell prints; the console unless a test reads it.</param>
    /// <param name="platformClock">
    /// Tests only: a clock they move (with <see cref="ShellTimeTravel"/>) under Discord or Slack. Without it a
    /// platform host runs on <see cref="TimeProvider.System"/>; the console shell always has its own clock.
    /// </param>
    public static IHost Build(ShellArguments arguments, TextWriter? shellWriter = null, ShellClock? platformClock = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var builder = CreateBuilder(arguments);
        builder.AddPrograms();
        builder.AddStore();
        var shell = !builder.AddPlatforms(arguments);
        var clock = shell ? builder.AddShellClock() : platformClock is null ? TimeProvider.System : builder.AddTimeTravel(platformClock);
        builder.AddScheduling(clock);
        if (shell)
        {
            // Last, so the shell takes input only after the store, the catch-up and the scheduler have started.
            builder.AddShell(arguments, shellWriter ?? Console.Out);
        }
        else
        {
            // The console shell's communities are small; a platform host compiles the pairing engine after start.
            builder.Services.AddHostedService<PairingWarmUpService>();
        }

        return builder.Build();
    }

    /// <summary>Configuration and logging, with every setting checked before anything binds it.</summary>
    private static HostApplicationBuilder CreateBuilder(ShellArguments arguments)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. arguments.Rest],
            // appsettings.json sits beside the binary; "dotnet run --project" keeps the caller's directory as cwd.
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (arguments.DbPath is not null)
        {
            builder.Configuration[$"{StoreOptions.Section}:Sqlite:Path"] = arguments.DbPath;
        }

        // The shell owns the terminal: logs go to stderr, and only warnings unless configured otherwise.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);

        // A start failure (e.g. Redis unreachable) reaches Program.cs, which prints it: one line for a setting,
        // the full trace for anything else. The host's own "failed to start" log would print it twice.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        // Old spellings of renamed settings are read as the new ones before anything checks or binds them.
        RenamedSettings.Apply(builder.Configuration);

        // Every setting is read and checked before anything binds it: a mistake stops the start with one line
        // naming it (StartupException), never a binder's exception at first use.
        SettingsCheck.Run(builder.Configuration);
        return builder;
    }
}
