using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Timing;
using NetworkingBot.Discord.Commands;
using NetworkingBot.Discord.Gateway;
using NetworkingBot.Discord.Rest;

namespace NetworkingBot.Discord.Interactions;

/// <summary>
/// Answers INTERACTION_CREATE. The gateway loop only parses and hands off; the answer runs beside it. Every
/// interaction is acknowledged inside Discord's 3 seconds: with the reply itself (type 4) when the command
/// finishes within <see cref="InstantWindow"/>, otherwise with a deferral (type 5) and the reply as an edit
/// of the original response afterwards.
/// </summary>
public sealed partial class InteractionHandler(
    IDiscordRest rest,
    CommandDispatcher dispatcher,
    CommandCatalog catalog,
    Autocomplete autocomplete,
    ReplyRenderer renderer,
    DiscordForms forms,
    IOptions<DiscordOptions> options,
    [FromKeyedServices(DiscordServiceCollectionExtensions.Key)] AnswerInTime answers,
    TimeProvider time,
    ILogger<InteractionHandler> logger) : IGatewayDispatchHandler, IAsyncDisposable
{
    private readonly InteractionRequests _requests = new(catalog, forms);

    private const ulong Administrator = 1UL << 3;
    private const ulong ManageGuild = 1UL << 5;

    private readonly RecentIds _seen = new(10_000);
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    /// <summary>The answer to an interaction whose payload could not be read (a field of the wrong type).</summary>
    public const string CannotReadText = Client.Socket.UnreadableInteractions.CannotReadText;

    /// <summary>How long a command may take and still be answered in the first response.</summary>
    public TimeSpan InstantWindow { get; init; } = TimeSpan.FromSeconds(1.5);

    public Task HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        if (dispatch.EventName != "INTERACTION_CREATE")
        {
            return Task.CompletedTask;
        }

        var receivedAt = time.GetUtcNow();
        var (interaction, error) = DiscordInteraction.Parse(dispatch.Data);
        if (interaction is null)
        {
            // Whoever clicked or typed is still waiting: if the payload says where to answer, say we could not read it.
            if (DiscordInteraction.Answerable(dispatch.Data) is { } unreadable)
            {
                LogUnreadableAnswered(unreadable.Id, error!);
                if (_seen.Add(unreadable.Id))
                {
                    Run(() => CannotReadAsync(unreadable.Id, unreadable.Token, unreadable.Autocomplete, receivedAt + DiscordInteraction.CallbackWindow, _stopping.Token));
                }
            }
            else
            {
                LogUnreadable(error!);
            }

            return Task.CompletedTask;
        }

        if (_seen.Add(interaction.Id))
        {
            var received = interaction with { ReceivedAt = receivedAt };
            Run(() => RespondAsync(received, _stopping.Token));
        }

        return Task.CompletedTask;
    }

    /// <summary>Runs an answer beside the gateway loop, tracked so a stop lets it finish.</summary>
    private void Run(Func<Task> answer) => answers.Run(answer);

    private async Task CannotReadAsync(string id, string token, bool autocomplete, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        try
        {
            // An autocomplete cannot show a message: it gets no suggestions, and the command itself is answered later.
            var body = autocomplete
                ? new JsonObject { ["type"] = 8, ["data"] = new JsonObject { ["choices"] = new JsonArray() } }
                : new JsonObject { ["type"] = 4, ["data"] = renderer.Render(CommandResult.Fail("unreadable", CannotReadText), null)[0] };
            await CallbackAsync(id, token, deadline, body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, id, 0);
        }
    }

    /// <summary>Lets answers in flight finish (up to a few seconds) before the process stops.</summary>
    public async ValueTask DisposeAsync()
    {
        // Called by the adapter at stop and again by the container: the second call has nothing to do.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await answers.DrainAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RespondAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        try
        {
            switch (interaction.Type)
            {
                case InteractionType.Autocomplete:
                    await AutocompleteAsync(interaction, cancellationToken).ConfigureAwait(false);
                    break;
                case InteractionType.ApplicationCommand or InteractionType.MessageComponent or InteractionType.ModalSubmit:
                    await CommandAsync(interaction, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    LogIgnored((int)interaction.Type);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, interaction.Id, (int)interaction.Type);
        }
    }

    private async Task CommandAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        var (guildId, request, refusal) = _requests.Translate(interaction);
        if (interaction is { Type: InteractionType.ApplicationCommand, GuildId: not null } && request is not null && forms.FormFor(request) is { } spec)
        {
            // A form is friendlier than a usage line for what the command lacks.
            await CallbackAsync(interaction, new JsonObject { ["type"] = 9, ["data"] = forms.Build(spec, request, interaction.Id) }, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (guildId is null)
        {
            await ReplyAsync(interaction, CommandResult.Fail("no_server", $"I work inside a server: use `/{catalog.Programs[0]}` there."), null, cancellationToken).ConfigureAwait(false);
            return;
        }

        var context = new CommandContext(
            new CommunityId(Platform.Discord, guildId), interaction.ChannelId ?? "",
            new UserRef(interaction.UserId, interaction.DisplayName), IsOrganiser(interaction));
        var late = new LateRoute<CommandResult>(
            (result, ct) => EditOriginalAsync(interaction, result, guildId, ct),
            _ => CommandResult.Apology,
            ct => CallbackAsync(interaction, new JsonObject { ["type"] = 5, ["data"] = new JsonObject { ["flags"] = ReplyRenderer.Ephemeral } }, ct));
        var answer = await answers.AnswerAsync(
            ct => request is null ? Task.FromResult(refusal!) : dispatcher.DispatchAsync(context, request, ct),
            InstantWindow, late, cancellationToken).ConfigureAwait(false);
        if (answer is { InTime: true, Value: { } result })
        {
            await ReplyAsync(interaction, result, guildId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A deferred answer: the first message replaces the "thinking…" response, the rest follow it.</summary>
    private async Task EditOriginalAsync(DiscordInteraction interaction, CommandResult result, string guildId, CancellationToken cancellationToken)
    {
        var messages = renderer.Render(result, guildId);
        var first = messages[0];
        first.Remove("flags");
        var original = new DiscordRoute(HttpMethod.Patch, "webhooks/{application_id}/{interaction_token}/messages/@original", ApplicationIdOf(interaction), interaction.Token)
        {
            NotAfter = interaction.TokenDeadline,
        };
        await rest.SendAsync(original, first, ReplyRenderer.Files(result), cancellationToken).ConfigureAwait(false);
        await FollowUpsAsync(interaction, messages.Skip(1), cancellationToken).ConfigureAwait(false);
    }

    private async Task ReplyAsync(DiscordInteraction interaction, CommandResult result, string? guildId, CancellationToken cancellationToken)
    {
        var messages = renderer.Render(result, guildId);
        await rest.SendAsync(CallbackRoute(interaction.Id, interaction.Token, interaction.CallbackDeadline), new JsonObject { ["type"] = 4, ["data"] = messages[0] }, ReplyRenderer.Files(result), cancellationToken).ConfigureAwait(false);
        await FollowUpsAsync(interaction, messages.Skip(1), cancellationToken).ConfigureAwait(false);
    }

    private async Task FollowUpsAsync(DiscordInteraction interaction, IEnumerable<JsonObject> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            var followUp = new DiscordRoute(HttpMethod.Post, "webhooks/{application_id}/{interaction_token}", ApplicationIdOf(interaction), interaction.Token)
            {
                NotAfter = interaction.TokenDeadline,
            };
            await rest.SendAsync(followUp, message, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AutocompleteAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        var program = CommandDefinitions.ProgramOf(interaction.CommandName ?? "");
        var spec = catalog.Find(program, interaction.SubcommandName ?? "")?.Spec;
        var option = spec?.Options.FirstOrDefault(o => o.Name == interaction.Focused);
        var choices = option is null || interaction.GuildId is null
            ? []
            : await autocomplete.SuggestAsync(option.Kind, new CommunityId(Platform.Discord, interaction.GuildId).Key, interaction.Options.GetValueOrDefault(option.Name) ?? "", cancellationToken).ConfigureAwait(false);
        await CallbackAsync(interaction, new JsonObject { ["type"] = 8, ["data"] = new JsonObject { ["choices"] = choices } }, cancellationToken).ConfigureAwait(false);
    }

    private Task CallbackAsync(DiscordInteraction interaction, JsonObject body, CancellationToken cancellationToken) =>
        CallbackAsync(interaction.Id, interaction.Token, interaction.CallbackDeadline, body, cancellationToken);

    private async Task CallbackAsync(string id, string token, DateTimeOffset deadline, JsonObject body, CancellationToken cancellationToken) =>
        await rest.SendAsync(CallbackRoute(id, token, deadline), body, cancellationToken).ConfigureAwait(false);

    /// <summary>The first response: worthless after Discord's 3 s, so no rate-limit wait or retry may run past that.</summary>
    private static DiscordRoute CallbackRoute(string id, string token, DateTimeOffset deadline) =>
        new(HttpMethod.Post, "interactions/{interaction_id}/{interaction_token}/callback", id, token) { NotAfter = deadline };

    // Gateway interactions carry application_id; the configured (or start-up resolved) id covers any that don't.
    private string ApplicationIdOf(DiscordInteraction interaction) =>
        interaction.ApplicationId.Length > 0 ? interaction.ApplicationId : options.Value.ApplicationId ?? "";

    /// <summary>From the member's permissions as Discord computed them for this channel, or a configured role; never from what they typed.</summary>
    private bool IsOrganiser(DiscordInteraction interaction) =>
        (interaction.Permissions & (Administrator | ManageGuild)) != 0
        || interaction.RoleIds.Any(options.Value.OrganiserRoleIds.Contains);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored an unreadable interaction: {Reason}")]
    private partial void LogUnreadable(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read interaction {InteractionId} ({Reason}); told the sender")]
    private partial void LogUnreadableAnswered(string interactionId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored interaction type {Type}")]
    private partial void LogIgnored(int type);

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering interaction {InteractionId} (type {Type}) failed")]
    private partial void LogFailed(Exception exception, string interactionId, int type);
}
