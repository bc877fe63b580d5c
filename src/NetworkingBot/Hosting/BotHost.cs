using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkingBot.Core;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Core.Interviews;
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

        var services = builder.Services;
        services.AddOptions<CoffeeOptions>().Bind(builder.Configuration.GetSection(CoffeeOptions.Section))
            .Validate(o => o.DefaultCheckInAfterDays is >= 1 and <= 6, "Coffee:DefaultCheckInAfterDays must be 1 to 6.")
            .Validate(o => o.IgnoredCheckInsBeforePause >= 1, "Coffee:IgnoredCheckInsBeforePause must be at least 1.")
            .Validate(o => o.MissedRoundGrace >= TimeSpan.Zero, "Coffee:MissedRoundGrace must not be negative (e.g. \"12:00:00\").")
            .ValidateOnStart();
        services.AddOptions<JobOptions>().Bind(builder.Configuration.GetSection(JobOptions.Section))
            .Validate(o => o.ExpiryDays >= 1 && o.DuplicateWindowDays >= 0 && o.PageSize is >= 1 and <= 20, "Jobs: ExpiryDays must be at least 1, DuplicateWindowDays not negative, PageSize 1 to 20.")
            .ValidateOnStart();
        services.AddOptions<InterviewOptions>().Bind(builder.Configuration.GetSection(InterviewOptions.Section))
            .Validate(o => o.AnswerWithin > TimeSpan.Zero && o.MaxCandidates >= 1 && o.KeepWaitingFor > TimeSpan.Zero && o.FollowUpAfter > TimeSpan.Zero && o.ConnectNudgeAfter > TimeSpan.Zero,
                "Interviews: AnswerWithin, KeepWaitingFor, FollowUpAfter and ConnectNudgeAfter must be positive (e.g. \"3.00:00:00\") and MaxCandidates at least 1.")
            .ValidateOnStart();
        services.AddOptions<ShellOptions>().Bind(builder.Configuration.GetSection(ShellOptions.Section))
            .Validate(o => o.Community.StartsWith("console:", StringComparison.Ordinal), "Shell:Community must start with \"console:\".")
            .Validate(o => o.Organizers.Count > 0, "Shell:Organizers must name at least one simulated organiser, e.g. [\"admin\"].")
            .ValidateOnStart();

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

    private static void AddState(IServiceCollection services, HostApplicationBuilder builder)
    {
        var state = builder.Configuration.GetSection(StateOptions.Section).Get<StateOptions>() ?? new StateOptions();
        if (string.Equals(state.Provider, "redis", StringComparison.OrdinalIgnoreCase))
        {
            // Parsed here too, so a mistake is one "State:..." line at start rather than a failure at first use.
            try
            {
                RedisConnectionOptions.Parse(state.Redis.ConnectionString);
            }
            catch (FormatException ex)
            {
                throw new InvalidOperationException($"State:Redis:ConnectionString: {ex.Message}", ex);
            }

            services.AddRedisStore(o => o.ConnectionString = state.Redis.ConnectionString);
            return;
        }

        if (!string.Equals(state.Provider, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"State:Provider '{state.Provider}' is not available in this build; use \"sqlite\" (the default) or \"redis\".");
        }

        services.AddSqliteStore(o => o.Path = state.Sqlite.Path);
    }
}
