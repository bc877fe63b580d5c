using Microsoft.Extensions.Hosting;
using NetworkingBot.Hosting;
using NetworkingBot.Shell;

// The one composition root. With no Discord or Slack tokens the bot runs the console shell over the
// same core, store and scheduler, so a new user can try everything on one machine.
var arguments = ShellArguments.Parse(args);
if (arguments.Error is not null)
{
    await Console.Error.WriteLineAsync(arguments.Error).ConfigureAwait(false);
    return 2;
}

using var host = BotHost.Build(arguments);
await host.RunAsync().ConfigureAwait(false);
return Environment.ExitCode;
