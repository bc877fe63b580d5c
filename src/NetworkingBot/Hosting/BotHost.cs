using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkingBot.Core;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Core.Settings;
using NetworkingBot.Hosting.Settings;
using NetworkingBot.Discord;
using NetworkingBot.Slack;
using NetworkingBot.Messaging;
using NetworkingBot.Scheduling;
using NetworkingBot.Shell;
using NetworkingBot.Storage.Redis;
using NetworkingBot.Storage.Redis.Client;
using NetworkingBot.Storage.Sqlite;
using Quartz;

namespace NetworkingBot.Hosting;

/// <summary>Builds the generic host: options, store, core, scheduler and the adapter that takes input.</summary>
public static class BotHost
{
    public static IHost Build(ShellArguments arguments, TextWriter? shellWriter = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. arguments.Rest],
            // appsettings.json sits beside the binary; "dotnet run --project" keeps the caller's directory as cwd.
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (arguments.DbPath is not null)
        {
            builder.Configuration[$"{StateOptions.Section}:Sqlite:Path"] = arguments.DbPath;
        }

        // The shell owns the terminal: logs go to stderr, and only warnings unless configured otherwise.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);

        // A start failure (e.g. Redis unreachable) reaches Program.cs, which prints it: one line for a setting,
        // the full trace for anything else. The host's own "failed to start" log would print it twice.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        // Every setting is read and checked before anything binds it: a mistake stops the start with one line
        // naming it (StartupException), never a binder's exception at first use.
        SettingsCheck.Run(builder.Configuration);

        var services = builder.Services;
        AddCheckedOptions(services, builder.Configuration.GetSection(CoffeeOptions.Section), new CoffeeOptionsRules());
        AddCheckedOptions(services, builder.Configuration.GetSection(JobOptions.Section), new JobOptionsRules());
        AddCheckedOptions(services, builder.Configuration.GetSection(InterviewOptions.Section), new InterviewOptionsRules());
        AddCheckedOptions(services, builder.Configuration.GetSection(ShellOptions.Section), new ShellOptionsRules());

        var clock = new ShellClock(builder.Configuration.GetSection(ShellOptions.Section).Get<ShellOptions>()?.ClockStart);
        services.AddSingleton(clock);
        services.AddSingleton<TimeProvider>(clock);
        services.AddNetworkingCore();
        AddState(services, builder);

        services.AddSingleton(arguments);
        services.AddSingleton(new ShellOutput(shellWriter ?? Console.Out, arguments.Json));
        services.AddSingleton<IPlatformMessenger, ConsoleMessenger>();
        var platforms = services.SupervisePlatforms(() => AddPlatforms(services, builder.Configuration, arguments));
        services.AddSingleton<IMessenger, MessengerRouter>();
        services.AddSingleton<IRoundScheduler, QuartzRoundScheduler>();
        services.AddSingleton<ShellTimeTravel>();

        services.AddQuartz(q =>
        {
            q.UseInMemoryStore();
            q.UseTimeProvider(clock);
            q.ScheduleJob<CatchUpJob>(t => t.WithIdentity("catch-up").StartAt(clock.GetUtcNow().AddMinutes(5))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(5)).RepeatForever()));
            q.ScheduleJob<JobLeadsJob>(t => t.WithIdentity("job-leads").StartAt(clock.GetUtcNow().AddMinutes(1))
                .WithSimpleSchedule(s => s.WithInterval(JobLeadsJob.Interval).RepeatForever()));
            q.ScheduleJob<DueWorkJob>(t => t.WithIdentity(DueWorkJob.Name).StartAt(clock.GetUtcNow().Add(DueWorkJob.Interval))
                .WithSimpleSchedule(s => s.WithInterval(DueWorkJob.Interval).RepeatForever()));
        });

        // Order matters: the store is migrated and rounds caught up before anything takes input.
        services.AddHostedService<StartupWork>();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        if (!platforms)
        {
            // Only the shell moves the clock, so only the shell resumes it: a platform bot keeps real time.
            services.AddSingleton<ShellClockKeeper>();
            services.AddHostedService<ConsoleShell>();
        }

        return builder.Build();
    }

    /// <summary>
    /// Connects Discord and/or Slack when their tokens are set; otherwise (or with "shell") the console shell
    /// takes input. Returns whether any platform runs.
    /// </summary>
    private static bool AddPlatforms(IServiceCollection services, ConfigurationManager configuration, ShellArguments arguments)
    {
        if (arguments.ShellRequested)
        {
            return false;
        }

        var discord = configuration.GetSection(DiscordOptions.Section);
        var slack = configuration.GetSection("Slack");
        var runDiscord = !string.IsNullOrWhiteSpace(discord["Token"]);
        var runSlack = !string.IsNullOrWhiteSpace(slack["AppToken"]) || !string.IsNullOrWhiteSpace(slack["BotToken"]);
        if (runDiscord)
        {
            services.AddDiscordAdapter(discord);
        }

        if (runSlack)
        {
            services.AddSlackAdapter(slack);
        }

        return runDiscord || runSlack;
    }

    private static void AddCheckedOptions<T>(IServiceCollection services, IConfigurationSection section, SettingRules<T> rules)
        where T : class
    {
        services.AddOptions<T>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(rules);
    }

    private static void AddState(IServiceCollection services, HostApplicationBuilder builder)
    {
        // SettingsCheck has checked the provider and its path or connection string.
        var state = builder.Configuration.GetSection(StateOptions.Section).Get<StateOptions>() ?? new StateOptions();
        if (StateOptions.IsRedis(state))
        {
            services.AddRedisStore(o => o.ConnectionString = state.Redis.ConnectionString);
            services.AddSingleton(StoreSetting.Redis);
            services.AddSingleton<IShellClockStore>(sp => new RedisShellClockStore(sp.GetRequiredService<IRedisDatabase>()));
            return;
        }

        services.AddSqliteStore(o => o.Path = state.Sqlite.Path);
        services.AddSingleton(StoreSetting.Sqlite);
        services.AddSingleton<IShellClockStore>(sp => new SqliteShellClockStore(sp.GetRequiredService<SqliteStore>()));
    }
}
