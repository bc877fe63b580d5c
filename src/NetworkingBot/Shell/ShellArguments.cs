namespace NetworkingBot.Shell;

/// <summary>
/// Command-line arguments of the bot: <c>shell [--script FILE] [--json] [--db PATH]</c>. Anything else is left
/// for the configuration system (e.g. <c>--Shell:Organisers:0=alice</c>).
/// </summary>
public sealed record ShellArguments(bool ShellRequested, string? Script, bool Json, string? DbPath, IReadOnlyList<string> Rest, string? Error)
{
    public static ShellArguments Parse(IReadOnlyList<string> args)
    {
        bool shell = false, json = false;
        string? script = null, db = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "shell":
                    shell = true;
                    break;
                case "--json":
                    json = true;
                    break;
                case "--script" or "--db" when i + 1 >= args.Count:
                    return new ShellArguments(shell, script, json, db, rest, $"{args[i]} needs a value, e.g. {args[i]} {(args[i] == "--db" ? "data/bot.db" : "tour.txt")}");
                case "--script":
                    script = args[++i];
                    shell = true;
                    break;
                case "--db":
                    db = args[++i];
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        return new ShellArguments(shell, script, json, db, rest, null);
    }
}
