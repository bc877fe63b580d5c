using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Core.Settings;
using NetworkingBot.Discord;
using NetworkingBot.Shell;
using NetworkingBot.Slack;
using NetworkingBot.Storage.Redis;
using NetworkingBot.Storage.Sqlite;

namespace NetworkingBot.Hosting.Settings;

/// <summary>
/// Every settings section the bot reads, checked at start before anything binds it: each value must have its
/// option's form (<see cref="SettingForms"/>), then each section's rules (<see cref="SettingRules{TOptions}"/>)
/// must hold. The first problem stops the start as a <see cref="StartupException"/>. Discord's and Slack's
/// sections are checked for form even when their adapter does not run: a mistyped value is a mistake either way.
/// </summary>
public static class SettingsCheck
{
    private static readonly Section[] Sections =
    [
        Of(StoreOptions.Section, new StoreOptionsRules()),
        Of(CoffeeOptions.Section, new CoffeeOptionsRules()),
        Of(InterviewOptions.Section, new InterviewOptionsRules()),
        Of(JobOptions.Section, new JobOptionsRules()),
        Of<DiscordOptions>(DiscordOptions.Section, null),
        Of<SlackOptions>(SlackOptions.SectionName, null),
        Of(ShellOptions.Section, new ShellOptionsRules()),
    ];

    /// <summary>Throws <see cref="StartupException"/> for the first setting that cannot be read or breaks a rule.</summary>
    public static void Run(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (LogLevelForms.Check(configuration) is { } logging)
        {
            throw new StartupException(logging);
        }

        foreach (var section in Sections)
        {
            if (section.FirstProblem(configuration.GetSection(section.Name)) is { } problem)
            {
                throw new StartupException(problem);
            }
        }
    }

    /// <summary>
    /// Runs the options validation the adapters and stores registered (<c>ValidateOnStart</c>), turning its
    /// failure into a <see cref="StartupException"/>; the host's own sections were checked by <see cref="Run"/>.
    /// </summary>
    public static void ValidateRegistered(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException ex)
        {
            throw StartupException.FromValidation(SectionOf(ex.OptionsType), ex);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.FirstOrDefault() is OptionsValidationException first)
        {
            throw StartupException.FromValidation(SectionOf(first.OptionsType), first);
        }
    }

    private static string SectionOf(Type optionsType) =>
        optionsType == typeof(DiscordOptions) ? DiscordOptions.Section
        : optionsType == typeof(SlackOptions) ? SlackOptions.SectionName
        : optionsType == typeof(SqliteOptions) ? StoreOptionsRules.SqliteSection
        : optionsType == typeof(RedisStoreOptions) ? StoreOptionsRules.RedisSection
        : Sections.FirstOrDefault(s => s.Type == optionsType)?.Name ?? optionsType.Name;

    private static Section Of<T>(string name, SettingRules<T>? rules)
        where T : class, new() =>
        new(name, typeof(T), section =>
        {
            if (SettingForms.Check(section, typeof(T), new T()) is { } problem)
            {
                return problem;
            }

            var options = section.Get<T>() ?? new T();
            return rules?.Check(options).FirstOrDefault();
        });

    private sealed record Section(string Name, Type Type, Func<IConfigurationSection, SettingProblem?> FirstProblem);
}
