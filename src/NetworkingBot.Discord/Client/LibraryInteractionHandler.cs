using Discord;
using Discord.WebSocket;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Timing;
using NetworkingBot.Discord.Client.Socket;
using NetworkingBot.Discord.Commands;
using NetworkingBot.Discord.Interactions;
using OurType = NetworkingBot.Discord.Interactions.InteractionType;

namespace NetworkingBot.Discord.Client;

/// <summary>
/// Answers the interactions Discord.Net raises. <see cref="OnInteraction"/> runs on Discord.Net's gateway task, so it
/// only reads the interaction and hands the answer off at once. Every interaction is acknowledged inside Discord's
/// 3 s: with the reply itself when the command finishes within <see cref="InstantWindow"/>, otherwise with a deferral
/// and the reply as an edit of the original response. An interaction seen again (replayed after a resume) is not
/// answered twice.
/// </summary>
internal sealed partial class LibraryInteractionHandler(
    CommandDispatcher dispatcher,
    CommandCatalog catalog,
    Autocomplete autocomplete,
    LibraryReplies replies,
    DiscordForms forms,
    IOptions<DiscordOptions> options,
    [FromKeyedServices(LibraryServiceCollectionExtensions.Key)] AnswerInTime answers,
    TimeProvider time,
    ILogger<LibraryInteractionHandler> logger,
    ReadInteractions? strict = null) : IAsyncDisposable
{
    private readonly InteractionRequests _requests = new(catalog, forms);

    private readonly RecentIds _seen = new(10_000);
    private readonly CancellationTokenSource _stopping = new();
    private readonly CallbackDeadline _callbacks = new(time, logger);
    private int _disposed;

    /// <summary>How long a command may take and still be answered in the first response.</summary>
    public TimeSpan InstantWindow { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Discord.Net's InteractionCreated handler: read, remember, hand off; never wait on the answer here.</summary>
    public Task OnInteraction(SocketInteraction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var read = InteractionReader.Read(interaction, time.GetUtcNow());
        if (strict?.Take(read.Id) is { ResolvedUsers.Count: > 0 } parsed && read.ResolvedUsers.Count == 0)
        {
            // A form's member fields: Discord.Net does not keep what Discord resolved for them; the guarded socket's reading does.
            read = read with { ResolvedUsers = parsed.ResolvedUsers };
        }

        if (_seen.Add(read.Id))
        {
            answers.Run(() => RespondAsync(interaction, read, _stopping.Token));
        }

        return Task.CompletedTask;
    }

    /// <summary>Lets answers in flight finish (up to a few seconds) before the process stops.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await answers.DrainAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RespondAsync(SocketInteraction socket, DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        try
        {
            switch (socket)
            {
                case SocketAutocompleteInteraction auto:
                    await AutocompleteAsync(auto, interaction, cancellationToken).ConfigureAwait(false);
                    break;
                case SocketSlashCommand or SocketMessageComponent or SocketModal:
                    await CommandAsync(socket, interaction, cancellationToken).ConfigureAwait(false);
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

    private async Task CommandAsync(SocketInteraction socket, DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        var (guildId, request, refusal) = _requests.Translate(interaction);
        if (interaction is { Type: OurType.ApplicationCommand, GuildId: not null } && request is not null && forms.FormFor(request) is { } spec)
        {
            // A form is friendlier than a usage line for what the command lacks.
            var modal = LibraryModals.Build(forms.Build(spec, request, interaction.Id));
            await _callbacks.SendAsync(interaction.Id, interaction.CallbackDeadline, o => socket.RespondWithModalAsync(modal, o), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (guildId is null)
        {
            await ReplyAsync(socket, interaction, CommandResult.Fail("no_server", $"I work inside a server: use `/{catalog.Programs[0]}` there."), null, cancellationToken).ConfigureAwait(false);
            return;
        }

        var context = new CommandContext(
            new CommunityId(Platform.Discord, guildId), interaction.ChannelId ?? "",
            new UserRef(interaction.UserId, interaction.DisplayName), IsOrganiser(interaction));
        var late = new LateRoute<CommandResult>(
            (result, ct) => EditOriginalAsync(socket, result, guildId, ct),
            _ => CommandResult.Apology,
            ct => _callbacks.SendAsync(interaction.Id, interaction.CallbackDeadline, o => socket.DeferAsync(ephemeral: true, o), ct));
        var answer = await answers.AnswerAsync(
            ct => request is null ? Task.FromResult(refusal!) : dispatcher.DispatchAsync(context, request, ct),
            InstantWindow, late, cancellationToken).ConfigureAwait(false);
        if (answer is { InTime: true, Value: { } result })
        {
            await ReplyAsync(socket, interaction, result, guildId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The first response: the answer's first part (with its files), then the rest as follow-ups.</summary>
    private async Task ReplyAsync(SocketInteraction socket, DiscordInteraction interaction, CommandResult result, string? guildId, CancellationToken cancellationToken)
    {
        var parts = replies.Render(result, guildId);
        var files = LibraryReplies.Files(result);
        try
        {
            var first = parts[0];
            var sent = await _callbacks.SendAsync(interaction.Id, interaction.CallbackDeadline, o => files.Count > 0
                ? socket.RespondWithFilesAsync(files, first.Content, ephemeral: true, allowedMentions: LibraryBodies.Nobody(), components: first.Components, options: o)
                : socket.RespondAsync(first.Content, ephemeral: true, allowedMentions: LibraryBodies.Nobody(), components: first.Components, options: o), cancellationToken).ConfigureAwait(false);
            if (sent)
            {
                await FollowUpsAsync(socket, parts.Skip(1), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            files.ForEach(f => f.Dispose());
        }
    }

    /// <summary>A deferred answer: the first part replaces the "thinking…" response, the rest follow it.</summary>
    private async Task EditOriginalAsync(SocketInteraction socket, CommandResult result, string guildId, CancellationToken cancellationToken)
    {
        var parts = replies.Render(result, guildId);
        var files = LibraryReplies.Files(result);
        try
        {
            var first = parts[0];
            await socket.ModifyOriginalResponseAsync(m =>
            {
                m.Content = first.Content;
                m.Components = first.Components ?? new ComponentBuilder().Build();
                m.AllowedMentions = LibraryBodies.Nobody();
                if (files.Count > 0)
                {
                    m.Attachments = files;
                }
            }, new RequestOptions { CancelToken = cancellationToken }).ConfigureAwait(false);
            await FollowUpsAsync(socket, parts.Skip(1), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            files.ForEach(f => f.Dispose());
        }
    }

    private static async Task FollowUpsAsync(SocketInteraction socket, IEnumerable<LibraryReply> parts, CancellationToken cancellationToken)
    {
        foreach (var part in parts)
        {
            await socket.FollowupAsync(part.Content, ephemeral: true, allowedMentions: LibraryBodies.Nobody(), components: part.Components,
                options: new RequestOptions { CancelToken = cancellationToken }).ConfigureAwait(false);
        }
    }

    private async Task AutocompleteAsync(SocketAutocompleteInteraction socket, DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        var program = CommandDefinitions.ProgramOf(interaction.CommandName ?? "");
        var spec = catalog.Find(program, interaction.SubcommandName ?? "")?.Spec;
        var option = spec?.Options.FirstOrDefault(o => o.Name == interaction.Focused);
        var choices = option is null || interaction.GuildId is null
            ? []
            : await autocomplete.SuggestAsync(option.Kind, new CommunityId(Platform.Discord, interaction.GuildId).Key, interaction.Options.GetValueOrDefault(option.Name) ?? "", cancellationToken).ConfigureAwait(false);
        var results = choices.Select(c => new AutocompleteResult(c!["name"]!.GetValue<string>(), c["value"]!.GetValue<string>())).ToList();
        await _callbacks.SendAsync(interaction.Id, interaction.CallbackDeadline, o => socket.RespondAsync(results, o), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Administrator or Manage Server (from the member's roles, as Discord.Net computes them), or a configured role.</summary>
    private bool IsOrganiser(DiscordInteraction interaction) =>
        (interaction.Permissions & ((ulong)GuildPermission.Administrator | (ulong)GuildPermission.ManageGuild)) != 0
        || interaction.RoleIds.Any(options.Value.OrganiserRoleIds.Contains);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored interaction type {Type}")]
    private partial void LogIgnored(int type);

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering interaction {InteractionId} (type {Type}) failed")]
    private partial void LogFailed(Exception exception, string interactionId, int type);
}
