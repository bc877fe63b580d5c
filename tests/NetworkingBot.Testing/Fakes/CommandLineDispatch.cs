using NetworkingBot.Core.Commands;

namespace NetworkingBot.Testing.Fakes;

/// <summary>
/// Tests type commands as lines, the way the shell and Slack receive them: parsed by the shared
/// <see cref="CommandLine"/> and sent through the dispatcher's one entrance.
/// </summary>
public static class CommandLineDispatch
{
    public static Task<CommandResult> DispatchAsync(this CommandDispatcher dispatcher, CommandContext context, string line, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        var (request, error) = CommandLine.Parse(line);
        return request is null ? Task.FromResult(CommandResult.Fail(error!)) : dispatcher.DispatchAsync(context, request, cancellationToken);
    }
}
