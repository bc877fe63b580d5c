using NetworkingBot.Core.Commands;
using NetworkingBot.Slack.Home;

namespace NetworkingBot.Slack.Interactions;

/// <summary>Who did something in Slack, and where: enough to build the core's <see cref="CommandContext"/>.</summary>
internal sealed record SlackActor(string TeamId, string ChannelId, string UserId, string Name);

/// <summary>
/// Runs a command as a Slack user through the dispatcher's one entrance: typed text and button values through the
/// shared <see cref="CommandLine"/> parser, form submissions as the request their form reader built. Organiser rights
/// cost a users.info call, so the dispatcher asks for them only when the command can use them.
/// </summary>
internal sealed class SlackCommandRunner(CommandDispatcher dispatcher, CommandCatalog catalog, SlackUserDirectory users, SlackFileShare files, HomeRefresher home)
{
    public Task<CommandResult> RunAsync(SlackActor actor, string line, CancellationToken cancellationToken)
    {
        var (request, error) = CommandLine.Parse(line);
        return request is null ? Task.FromResult(CommandResult.Fail(error!)) : RunAsync(actor, request, cancellationToken);
    }

    /// <summary>Runs a typed or clicked request: its member options name members as Slack's mentions, <c>&lt;@U1|sam&gt;</c>.</summary>
    public async Task<CommandResult> RunAsync(SlackActor actor, CommandRequest request, CancellationToken cancellationToken) =>
        await DispatchAsync(actor, await ResolveAsync(request, v => CommandLine.Mention(v)?.Id, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Runs a form's submission: its member fields hold the bare user id a users_select picked.</summary>
    public async Task<CommandResult> RunSubmittedAsync(SlackActor actor, CommandRequest request, CancellationToken cancellationToken) =>
        await DispatchAsync(actor, await ResolveAsync(request, v => v.Length > 0 ? v : null, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// users.info (through the directory's cache) says who a named member is and whether it is a bot. A user Slack
    /// does not know, or a lookup that failed, is left unresolved: the program then asks for a member.
    /// </summary>
    private Task<CommandRequest> ResolveAsync(CommandRequest request, Func<string, string?> idOf, CancellationToken cancellationToken) =>
        CommandLine.ResolveUsersAsync(request, catalog.SpecOf(request), async (value, ct) =>
            idOf(value) is { } id && await users.FindAsync(id, ct).ConfigureAwait(false) is { } user
                ? new MentionedUser(user.Id, user.DisplayName, user.IsBot)
                : null, cancellationToken);

    private async Task<CommandResult> DispatchAsync(SlackActor actor, CommandRequest request, CancellationToken cancellationToken)
    {
        var context = new CommandContext(new CommunityId(Platform.Slack, actor.TeamId), actor.ChannelId, new UserRef(actor.UserId, actor.Name), IsOrganiser: false)
        {
            CheckOrganiser = ct => users.IsOrganiserAsync(actor.UserId, ct),
        };
        var result = await dispatcher.DispatchAsync(context, request, cancellationToken).ConfigureAwait(false);
        home.Changed(actor.TeamId, actor.UserId); // whatever the command changed, the member's own home shows it
        return await files.ShareAsync(actor.UserId, result, cancellationToken).ConfigureAwait(false);
    }
}
