using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Text;

namespace NetworkingBot.Core.Network.Handlers;

/// <summary>/network note: a private dated note about a contact; writing one counts as keeping in touch.</summary>
public sealed class NoteHandler(INetworkStore store, ContactOption contacts, NetworkLog log, TimeProvider time) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("network", "note", "add a private, dated note about a contact (only you see it)",
    [
        new("member", "the member", Required: true, Kind: OptionKind.User),
        new("text", $"the note, up to {NetworkLimits.NoteLength} characters", Required: true),
    ], Example: "/network note member:@sam text:\"Ask about the digitisation grant in May\"");

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var (text, textError) = MemberText.Read("text", request.Option("text"), NetworkLimits.NoteLength, multiline: true);
        if (textError is not null)
        {
            return CommandResult.Fail(textError);
        }

        if (text is null)
        {
            return CommandResult.Fail("text_missing", "The note is empty; write it as `text:\"...\"`. Nothing was saved.");
        }

        var (contact, error) = await contacts.ReadAsync(context, request, cancellationToken).ConfigureAwait(false);
        if (contact is null)
        {
            return CommandResult.Fail(error!);
        }

        var now = time.GetUtcNow();
        await store.AddNoteAsync(new NetworkNote(context.CommunityId, context.Actor.Id, contact.OtherId, now, text), cancellationToken).ConfigureAwait(false);
        await log.TouchAsync(context.CommunityId, context.Actor.Id, contact.OtherId, now, cancellationToken).ConfigureAwait(false);
        return CommandResult.Ok($"Noted ({NetworkTexts.Day(now)}). Only you can see it: `/network show member:@{contact.OtherId}`.");
    }
}
