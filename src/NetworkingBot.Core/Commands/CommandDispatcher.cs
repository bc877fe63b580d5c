using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NetworkingBot.Core.Commands;

/// <summary>
/// The one road every command takes: parse, check the subcommand and its options against the catalog,
/// refuse organiser commands to others, then run the handler in its own DI scope and log scope.
/// Never throws for user input; an unexpected handler fault is logged and answered with an apology.
/// </summary>
public sealed class CommandDispatcher(
    IServiceScopeFactory scopes,
    CommandCatalog catalog,
    ILogger<CommandDispatcher> logger)
{
    public Task<CommandResult> DispatchAsync(CommandContext context, string line, CancellationToken cancellationToken = default)
    {
        var trimmed = line.Trim();
        if (trimmed.Equals("help", StringComparison.OrdinalIgnoreCase) || trimmed == "/help")
        {
            return Task.FromResult(CommandResult.Ok(catalog.Overview()));
        }

        // "/coffee help join": the one place a second bare word is allowed.
        var words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 3 && words[0].StartsWith('/') && words[1].Equals("help", StringComparison.OrdinalIgnoreCase))
        {
            var program = words[0][1..].ToLowerInvariant();
            return Task.FromResult(catalog.HelpForCommand(program, words[2].ToLowerInvariant()) is { } detail
                ? CommandResult.Ok(detail)
                : CommandResult.Fail("unknown_subcommand", $"`/{program} {words[2]}` isn't a command I know. `/{program} help` lists them."));
        }

        var (request, error) = CommandLine.Parse(trimmed);
        return request is null
            ? Task.FromResult(CommandResult.Fail(error!))
            : DispatchAsync(context, request, cancellationToken);
    }

    public async Task<CommandResult> DispatchAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken = default)
    {
        if (!catalog.Programs.Contains(request.Program, StringComparer.Ordinal))
        {
            var known = string.Join(", ", catalog.Programs.Select(p => $"`/{p}`"));
            return CommandResult.Fail("unknown_program", $"I don't know `/{request.Program}`. I answer to {known}; try `/coffee help`.");
        }

        if (request.Subcommand == "help" && catalog.Find(request.Program, "help") is null)
        {
            return CommandResult.Ok(catalog.HelpFor(request.Program, context.IsOrganizer));
        }

        var registration = catalog.Find(request.Program, request.Subcommand);
        if (registration is null)
        {
            var names = string.Join(", ", catalog.SpecsOf(request.Program).Where(s => context.IsOrganizer || !s.OrganizerOnly).Select(s => s.Name));
            return CommandResult.Fail("unknown_subcommand", $"`/{request.Program} {request.Subcommand}` isn't a command I know. Try one of: {names}. `/{request.Program} help` explains each.");
        }

        var spec = registration.Spec;
        if (spec.OrganizerOnly && !context.IsOrganizer)
        {
            return CommandResult.Fail("not_organizer", $"`/{spec.Program} {spec.Name}` is for organisers only. If you help run this community, ask an admin to give you organiser rights.");
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
