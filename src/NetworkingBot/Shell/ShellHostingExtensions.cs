using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Settings;
using NetworkingBot.Hosting;

namespace NetworkingBot.Shell;

/// <summary>The console shell's services, registered only when the shell takes input (no platform token, or "shell").</summary>
public static class ShellHostingExtensions
{
    /// <summary>
    /// The shell's own clock: real time from <c>Shell:ClockStart</c> (or now), moved by <c>advance</c> and resumed
    /// from the store at the next start. Returns it for the scheduler.
    /// </summary>
    public static ShellClock AddShellClock(this HostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = builder.Configuration.GetSection(ShellOptions.Section).Get<ShellOptions>() ?? new ShellOptions();
        var clock = builder.AddTimeTravel(new ShellClock(settings.ClockStart));
        builder.Services.AddSingleton<ShellClockKeeper>();
        return clock;
    }

    /// <summary>
    /// <paramref name="clock"/> with <see cref="ShellTimeTravel"/>, which moves it and fires what falls due on the
    /// way: the shell's <c>advance</c>, and tests that drive a platform host through days.
    /// </summary>
    public static ShellClock AddTimeTravel(this HostApplicationBuilder builder, ShellClock clock)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<ShellTimeTravel>();
        return clock;
    }

    /// <summary>The console adapter: its settings, printer, messenger and the input loop.</summary>
    public static HostApplicationBuilder AddShell(this HostApplicationBuilder builder, ShellArguments arguments, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(arguments);
        var services = builder.Services;
        services.AddOptions<ShellOptions>().Bind(builder.Configuration.GetSection(ShellOptions.Section)).ValidateWith(new ShellOptionsRules());
        services.AddSingleton(arguments);
        services.AddSingleton(sp => new ShellOutput(writer, arguments.Json, sp.GetService<ShellClock>()));
        var state = builder.Configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        services.AddSingleton(new ShellFiles(ShellFiles.FolderBeside(StoreOptions.IsSqlite(state) ? state.Sqlite.Path : null)));
        services.AddSingleton<ShellCommands>();
        services.AddSingleton<IPlatformMessenger, ConsoleMessenger>();
        services.AddHostedService<ConsoleShell>();
        return builder;
    }
}
