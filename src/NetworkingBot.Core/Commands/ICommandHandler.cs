namespace NetworkingBot.Core.Commands;

/// <summary>Runs one subcommand. Handlers are scoped: one instance per command.</summary>
public interface ICommandHandler
{
    SubcommandSpec Spec { get; }

    Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken);
}
