using System.Text;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Network.Handlers;

/// <summary>/network show: one contact with my private notes (only their author ever sees them).</summary>
public sealed class ShowHandler(INetworkStore store, INetworkDirectory directory, ContactOption contacts) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("network", "show", "one contact, with your private notes",
    [
        new("member", "the member", Required: true, Kind: OptionKind.User),
    ], Example: "/network show member:@sam");

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var (contact, error) = await contacts.ReadAsync(context, request, cancellationToken).ConfigureAwait(false);
        if (contact is null)
        {
            return CommandResult.Fail(error!);
        }

        var person = await directory.FindAsync(context.CommunityId, contact.OtherId, cancellationToken).ConfigureAwait(false);
        var notes = await store.ListNotesAsync(context.CommunityId, context.Actor.Id, contact.OtherId, cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder($"{NetworkTexts.Name(contact, person)}\nHow you met: {contact.How}\nFirst met: {NetworkTexts.Day(contact.FirstMet)}\n");
        text.Append(contact.Planned ? "Meeting planned, not yet confirmed" : $"Last spoke: {NetworkTexts.Day(contact.LastSpoke)}");
        text.Append("\nReminders: ").Append(contact.RemindersOn ? "on" : "off");
        text.Append(notes.Count == 0 ? "\nNo notes yet: `/network note member:@" + contact.OtherId + " text:\"...\"`" : "\nYour notes:");
        foreach (var note in notes)
        {
            text.Append("\n• ").Append(NetworkTexts.Day(note.At)).Append(": ").Append(note.Text);
        }

        return CommandResult.Ok(text.ToString());
    }
}
