using Microsoft.Extensions.Options;

namespace NetworkingBot.Core.Settings;

/// <summary>
/// The rules of one options class, written beside it. The host runs <see cref="Check"/> at start to stop with the
/// first problem; registered as <see cref="IValidateOptions{TOptions}"/>, the same rules guard every other way
/// the options are built.
/// </summary>
public abstract class SettingRules<TOptions> : IValidateOptions<TOptions>
    where TOptions : class
{
    /// <summary>Every rule the options break, in the order of the settings file; empty when they are fine.</summary>
    public abstract IEnumerable<SettingProblem> Check(TOptions options);

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var failures = Check(options).Select(p => p.ToString()).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
