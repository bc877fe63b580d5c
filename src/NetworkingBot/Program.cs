using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NetworkingBot.Hosting;
using NetworkingBot.Shell;

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
    return 2;
}

try
{
    using var host = BotHost.Build(arguments);

    // Check every setting before starting, so a mistake is one clear line rather than a logged stack trace.
    host.Services.GetService<IStartupValidator>()?.Validate();
    await host.RunAsync().ConfigureAwait(false);
    return Environment.ExitCode;
}
catch (OperationCanceledException) when (Environment.ExitCode != 0)
{
    // An adapter stopped the bot while it was still starting (a rejected token); it has logged what to fix.
    return Environment.ExitCode;
}
catch (OptionsValidationException ex)
{
    // A setting is wrong: say which and how to fix it, without a stack trace.
    await Console.Error.WriteLineAsync($"NetworkingBot cannot start: {string.Join(" ", ex.Failures)} (see appsettings.example.json).").ConfigureAwait(false);
    return 3;
}
catch (InvalidOperationException ex) when (ex.Message.StartsWith("State:", StringComparison.Ordinal))
{
    await Console.Error.WriteLineAsync($"NetworkingBot cannot start: {ex.Message}").ConfigureAwait(false);
    return 3;
}
