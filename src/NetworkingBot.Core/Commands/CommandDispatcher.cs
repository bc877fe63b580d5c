using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NetworkingBot.Core.Commands;

/// <summary>
/// The one road every command takes, and its one entrance: a <see cref="CommandRequest"/> (each adapter builds one,
/// the shell and Slack with <see cref="CommandLine"/>, Discord from typed options and forms). It answers help, checks
/// the subcommand and its options against the catalog, asks for organiser rights only when the answer depends on
/// them, refuses organiser commands to others, then runs the handler in its own DI scope and log scope.
/// Never throws for user input; an unexpected handler fault is logged and answered with an apology.
/// </summary>
public sealed class CommandDispatcher(
    IServiceScopeFactory scopes,
    CommandCatalog catalog,
    ILogger<CommandDispatcher> logger)
{
    public async Task<CommandResult> DispatchAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Subcommand == CommandCatalog.Help && request.Program.Length == 0)
        {
            return CommandResult.Explain(catalog.Overview());
        }

        if (request.Subcommand == CommandCatalog.Help && request.Option(CommandCatalog.HelpOption) is { } which)
        {
            return catalog.HelpForCommand(request.Program, which.ToLowerInvariant()) is { } detail
                ? CommandResult.Explain(detail)
                : CommandResult.Fail("unknown_subcommand", $"`/{request.Program} {which}` isn't a command I know. `/{request.Program} help` lists them.");
        }

        request = catalog.Route(request);

        if (context.CheckOrganiser is { } ask && catalog.NeedsOrganiserRights(request))
        {
            context = context with { IsOrganiser = await ask(cancellationToken).ConfigureAwait(false), CheckOrganiser = null };
        }

        if (!catalog.Programs.Contains(request.Program, StringComparer.Ordinal))
        {
            var known = string.Join(", ", catalog.Programs.Select(p => $"`/{p}`"));
            return CommandResult.Fail("unknown_program", $"I don't know `/{request.Program}`. I answer to {known}; try `/coffee help`.");
        }

        if (request.Subcommand == CommandCatalog.Help && catalog.Find(request.Program, CommandCatalog.Help) is null)
        {
            return CommandResult.Explain(catalog.HelpFor(request.Program, context.IsOrganiser));
        }

        var registration = catalog.Find(request.Program, request.Subcommand);
        if (registration is null)
        {
            var names = string.Join(", ", catalog.SpecsOf(request.Program).Where(s => context.IsOrganiser || !s.OrganiserOnly).Select(s => s.Name));
            return CommandResult.Fail("unknown_subcommand", $"`/{request.Program} {request.Subcommand}` isn't a command I know. Try one of: {names}. `/{request.Program} help` explains each.");
        }

        var spec = registration.Spec;
        if (spec.OrganiserOnly && !context.IsOrganiser)
        {
            return CommandResult.Fail("not_organiser", $"`{spec.Invocation}` is for organisers only. If you help run this community, ask an admin to give you organiser rights.");
        }

        if (OptionValidator.Check(spec, request) is { } invalid)
        {
            return CommandResult.Fail(invalid);
        }

        using var logScope = logger.BeginScope(new Dictionary<string, object>
        {
            ["Platform"] = context.Platform,
            ["Community"] = context.CommunityId,
            ["Actor"] = context.Actor.Id,
            ["Command"] = $"{spec.Program} {spec.Name}",
        });
        await using var scope = scopes.CreateAsyncScope();
        var handler = (ICommandHandler)scope.ServiceProvider.GetRequiredService(registration.HandlerType);
        try
        {
            var result = await handler.HandleAsync(context, request, cancellationToken).ConfigureAwait(false);
            if (result is Failure failure)
            {
                logger.LogInformation("Command {Command} refused: {ErrorCode}", $"{spec.Program} {spec.Name}", failure.Error.Code);
            }

            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Command {Command} failed", $"{spec.Program} {spec.Name}");
            return CommandResult.Apology;
        }
    }
}
