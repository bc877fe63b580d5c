namespace NetworkingBot.Core.Commands;

/// <summary>
/// Runs one subcommand. <see cref="Spec"/> is static so the catalog knows every command without building
/// handlers; a handler instance lives for one command, in its own DI scope.
/// </summary>
public interface ICommandHandler
{
    static abstract SubcommandSpec Spec { get; }

    Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken);
}
