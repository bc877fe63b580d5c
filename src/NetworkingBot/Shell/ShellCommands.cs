using NetworkingBot.Core.Commands;

namespace NetworkingBot.Shell;

/// <summary>
/// One typed line as a shell user: parsed by the shared <see cref="CommandLine"/>, its member options resolved
/// (<c>@sam</c> or <c>sam</c> is the shell user sam; anything else stays unresolved for the program to refuse), run
/// through the dispatcher, and its answer printed with the paths of any files it brought, saved by <see cref="ShellFiles"/>.
/// </summary>
public sealed class ShellCommands(CommandDispatcher dispatcher, CommandCatalog catalog, ShellOutput output, ShellFiles files)
{
    public async Task RunAsync(CommandContext context, string line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (parsed, error) = CommandLine.Parse(line);
        if (parsed is null)
        {
            output.Reply(context.Actor.Id, CommandResult.Fail(error!), []);
            return;
        }

        var spec = catalog.SpecOf(parsed);
        var request = await CommandLine.ResolveUsersAsync(parsed, spec, (value, _) => Task.FromResult(Member(value)), cancellationToken).ConfigureAwait(false);
        var result = await dispatcher.DispatchAsync(context, request, cancellationToken).ConfigureAwait(false);
        output.Reply(context.Actor.Id, result, result is Reply { Files.Count: > 0 } reply ? files.Save(reply.Files) : []);
    }

    /// <summary>The shell's users are whoever is named; none is a bot.</summary>
    internal static MentionedUser? Member(string value) => CommandLine.Handle(value) is { } handle ? new MentionedUser(handle, handle) : null;
}
