using NetworkingBot.Core;
using NetworkingBot.Hosting;
using NetworkingBot.Hosting.Settings;
using NetworkingBot.Shell;
using Microsoft.Extensions.Hosting;

// The one composition root. With no Discord or Slack tokens the bot runs the console shell over the
// same core, store and scheduler, so a new user can try everything on one machine.
if (args is ["migrate", .. var migrateArgs])
{
    return await MigrateCommand.RunAsync(migrateArgs, Console.Out, Console.Error).ConfigureAwait(false);
}

var arguments = ShellArguments.Parse(args);
if (arguments.Error is not null)
{
    await Console.Error.WriteLineAsync(arguments.Error).ConfigureAwait(false);
    return ExitCodes.Usage;
}

try
{
    using var host = BotHost.Build(arguments);

    // Every setting is checked before starting, so a mistake is one clear line rather than a logged stack trace.
    SettingsCheck.ValidateRegistered(host.Services);
    await host.RunAsync().ConfigureAwait(false);
    return Environment.ExitCode;
}
catch (OperationCanceledException) when (Environment.ExitCode != ExitCodes.Ok)
{
    // An adapter stopped the bot while it was still starting (a rejected token); it has logged what to fix.
    return Environment.ExitCode;
}
catch (StartupException ex)
{
    // A setting or the store it names is wrong: say which, its form and the fix, without a stack trace.
    await Console.Error.WriteLineAsync($"NetworkingBot cannot start: {ex.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
    return ExitCodes.BadSetting;
}
