using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NetworkingBot.Core.Settings;

/// <summary>Registers an options class's <see cref="SettingRules{TOptions}"/> the one way every section uses.</summary>
public static class SettingRulesRegistration
{
    /// <summary>
    /// Checks the options with <paramref name="rules"/> whenever they are built, and at start (<c>ValidateOnStart</c>),
    /// so the host's start-up check and every later use apply the same rules written beside the options.
    /// </summary>
    public static OptionsBuilder<TOptions> ValidateWith<TOptions>(this OptionsBuilder<TOptions> options, SettingRules<TOptions> rules)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rules);
        options.Services.AddSingleton<IValidateOptions<TOptions>>(rules);
        return options.ValidateOnStart();
    }
}
