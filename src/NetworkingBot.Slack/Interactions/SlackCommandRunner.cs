using NetworkingBot.Core.Commands;

namespace NetworkingBot.Slack.Interactions;

/// <summary>Who did something in Slack, and where: enough to build the core's <see cref="CommandContext"/>.</summary>
internal sealed record SlackActor(string TeamId, string ChannelId, string UserId, string Name);

/// <summary>
/// Runs a command as a Slack user through the dispatcher's one entrance: typed text and button values through the
/// shared <see cref="CommandLine"/> parser, form submissions as the request their form reader built. Organiser rights
/// cost a users.info call, so the dispatcher asks for them only when the command can use them.
/// </summary>
internal sealed class SlackCommandRunner(CommandDispatcher dispatcher, SlackUserDirectory users)
{
    public Task<CommandResult> RunAsync(SlackActor actor, string line, CancellationToken cancellationToken)
    {
        var (request, error) = CommandLine.Parse(line);
        return request is null ? Task.FromResult(CommandResult.Fail(error!)) : RunAsync(actor, request, cancellationToken);
    }

    public Task<CommandResult> RunAsync(SlackActor actor, CommandRequest request, CancellationToken cancellationToken)
    {
        var context = new CommandContext(new CommunityId(Platform.Slack, actor.TeamId), actor.ChannelId, new UserRef(actor.UserId, actor.Name), IsOrganiser: false)
        {
            CheckOrganiser = ct => users.IsOrganiserAsync(actor.UserId, ct),
        };
        return dispatcher.DispatchAsync(context, request, cancellationToken);
    }
}
