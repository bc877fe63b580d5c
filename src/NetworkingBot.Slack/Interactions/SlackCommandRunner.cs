using NetworkingBot.Core.Commands;

namespace NetworkingBot.Slack.Interactions;

/// <summary>Who did something in Slack, and where: enough to build the core's <see cref="CommandContext"/>.</summary>
internal sealed record SlackActor(string TeamId, string ChannelId, string UserId, string Name);

/// <summary>
/// Runs a command line as a Slack user through the shared dispatcher. Organiser rights are looked up only when
/// the command can use them, so an ordinary burst of joins costs no users.info calls.
/// </summary>
internal sealed class SlackCommandRunner(CommandDispatcher dispatcher, CommandCatalog catalog, SlackUserDirectory users)
{
    public static string CommunityId(string teamId) => "slack:" + teamId;

    public async Task<CommandResult> RunAsync(SlackActor actor, string line, CancellationToken cancellationToken)
    {
        var organizer = NeedsRights(line) && await users.IsOrganizerAsync(actor.UserId, cancellationToken).ConfigureAwait(false);
        var context = new CommandContext(Platform.Slack, CommunityId(actor.TeamId), actor.ChannelId, new UserRef(actor.UserId, actor.Name), organizer);
        return await dispatcher.DispatchAsync(context, line, cancellationToken).ConfigureAwait(false);
    }

    // Help and unknown-subcommand answers list organiser commands only to organisers, so those ask too.
    private bool NeedsRights(string line)
    {
        var (request, _) = CommandLine.Parse(line);
        if (request is null)
        {
            return line.Contains(" help", StringComparison.OrdinalIgnoreCase);
        }

        return catalog.Find(request.Program, request.Subcommand)?.Spec is not { OrganizerOnly: false };
    }
}
