using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkingBot.Core;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Shell;

/// <summary>
/// The console "platform": reads lines from the terminal or a script, acts as the simulated user named by an
/// <c>@name</c> prefix (or the previous one), and sends each command through the same dispatcher Discord and
/// Slack use. Shell words of its own: <c>press N</c>, <c>advance 4d</c>, <c>now</c>, <c>help</c>, <c>quit</c>.
/// </summary>
public sealed partial class ConsoleShell(
    ShellCommands commands,
    ShellOutput output,
    ShellTimeTravel timeTravel,
    ShellClockKeeper clockKeeper,
    TimeProvider clock,
    IOptions<ShellOptions> options,
    ShellArguments arguments,
    IHostApplicationLifetime lifetime,
    ILogger<ConsoleShell> logger) : BackgroundService
{
    private const string ShellHelp =
        "Shell: type a command as a user with `@name /coffee join ...` (the name sticks for the next lines). " +
        "`press 1` presses a button you were shown; `advance 4d` moves the clock (m, h, d, w) and runs what falls due; `now` shows the clock; `quit` leaves.";

    private string _user = "";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var settings = options.Value;
        _user = settings.Organisers.FirstOrDefault() ?? "admin";
        TextReader input;
        if (arguments.Script is { } script)
        {
            if (!File.Exists(script))
            {
                logger.LogError("The script file {Script} does not exist", script);
                Environment.ExitCode = ExitCodes.Usage;
                lifetime.StopApplication();
                return;
            }

            input = new StreamReader(script);
        }
        else
        {
            input = Console.In;
            output.Note($"NetworkingBot console shell: you are @{_user} in #{settings.Channel}. Type `help` for commands, `/coffee help` for coffee chats.");
        }

        using (input)
        {
            try
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (arguments.Script is null && !output.Json)
                    {
                        await Console.Out.WriteAsync($"{_user}> ").ConfigureAwait(false);
                    }

                    var line = await input.ReadLineAsync(stoppingToken).ConfigureAwait(false);
                    if (line is null || !await HandleLineAsync(line.Trim(), settings, stoppingToken).ConfigureAwait(false))
                    {
                        break;
                    }
                }
            }
            finally
            {
                // The time that passed in the session is kept too, so the next start does not go back.
                await clockKeeper.SaveAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }

        lifetime.StopApplication();
    }

    /// <summary>Runs one line; false means "leave the shell".</summary>
    internal async Task<bool> HandleLineAsync(string line, ShellOptions settings, CancellationToken cancellationToken)
    {
        if (line.Length == 0 || line.StartsWith('#'))
        {
            return true;
        }

        var prefix = UserPrefix().Match(line);
        if (line.StartsWith('@'))
        {
            if (!prefix.Success)
            {
                output.Note("User names are letters, digits, dots, dashes or underscores, up to 32, like `@alice`.");
                return true;
            }

            _user = prefix.Groups[1].Value.ToLowerInvariant();
            line = line[prefix.Length..].Trim();
            if (line.Length == 0)
            {
                return true;
            }
        }

        var word = line.Split(' ', 2, StringSplitOptions.TrimEntries);
        switch (word[0].ToLowerInvariant())
        {
            case "quit" or "exit":
                return false;
            case CommandCatalog.Help:
                output.Note(ShellHelp);
                await RunAsync(line, settings, cancellationToken).ConfigureAwait(false);
                return true;
            case "now":
                output.Note(string.Create(CultureInfo.InvariantCulture, $"Shell clock: {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC"));
                return true;
            case "advance":
                await AdvanceAsync(word.Length > 1 ? word[1] : "", cancellationToken).ConfigureAwait(false);
                return true;
            case "press":
                var button = word.Length > 1 ? output.Button(_user, word[1]) : null;
                if (button is null)
                {
                    output.Note($"@{_user} has no button `{(word.Length > 1 ? word[1] : "")}`. Buttons are numbered from 1 in the last message that showed them.");
                    return true;
                }

                await RunAsync(button.Command, settings, cancellationToken).ConfigureAwait(false);
                return true;
            default:
                await RunAsync(line, settings, cancellationToken).ConfigureAwait(false);
                return true;
        }
    }

    private async Task RunAsync(string line, ShellOptions settings, CancellationToken cancellationToken)
    {
        var isOrganiser = settings.Organisers.Contains(_user, StringComparer.OrdinalIgnoreCase);
        var context = new CommandContext(CommunityId.Parse(settings.Community), settings.Channel, new UserRef(_user, _user), isOrganiser);
        await commands.RunAsync(context, line, cancellationToken).ConfigureAwait(false);
    }

    private async Task AdvanceAsync(string amount, CancellationToken cancellationToken)
    {
        var match = Duration().Match(amount);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var n) || n < 1 || n > 400)
        {
            output.Note("Say how far to move the clock: a number from 1 to 400 and a unit, like `advance 30m`, `advance 12h`, `advance 4d` or `advance 2w`.");
            return;
        }

        var span = match.Groups[2].Value switch
        {
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            "w" => TimeSpan.FromDays(7 * n),
            _ => TimeSpan.FromDays(n),
        };
        var fired = await timeTravel.AdvanceAsync(span, cancellationToken).ConfigureAwait(false);

        // Saved at once: rounds were just scheduled from the new time, and a crash must not leave them in the future.
        await clockKeeper.SaveAsync(cancellationToken).ConfigureAwait(false);
        output.Note(string.Create(CultureInfo.InvariantCulture, $"Clock moved to {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC; {fired} scheduled job{(fired == 1 ? "" : "s")} ran."));
    }

    [GeneratedRegex(@"^@([A-Za-z0-9._-]{1,32})(?=\s|$)")]
    private static partial Regex UserPrefix();

    [GeneratedRegex(@"^\s*(\d+)\s*([mhdw])\s*$")]
    private static partial Regex Duration();
}
