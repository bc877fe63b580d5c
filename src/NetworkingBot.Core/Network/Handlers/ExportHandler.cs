using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Network.Handlers;

/// <summary>/network export: my whole log as a CSV file on the private reply (the adapters deliver it).</summary>
public sealed class ExportHandler(INetworkStore store, INetworkDirectory directory, TimeProvider time) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("network", "export", "your whole log as a CSV file", [], Example: "/network export");

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var log = await store.ListContactsAsync(context.CommunityId, context.Actor.Id, null, 0, int.MaxValue, cancellationToken).ConfigureAwait(false);
        var notes = await store.ListAllNotesAsync(context.CommunityId, context.Actor.Id, cancellationToken).ConfigureAwait(false);

        // Names come from one pass over the directory per contact; a departed member keeps their id.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var contact in log.Contacts.Where(c => !c.FormerMember))
        {
            names[contact.OtherId] = (await directory.FindAsync(context.CommunityId, contact.OtherId, cancellationToken).ConfigureAwait(false))?.DisplayName ?? "@" + contact.OtherId;
        }

        var bytes = ContactCsv.Write(log.Contacts, notes, c => c.FormerMember ? NetworkForgetting.FormerMemberName : names[c.OtherId]);
        var name = $"network-{time.GetUtcNow():yyyy-MM-dd}.csv";
        return new Reply($"Your network log: {log.Total} contact{(log.Total == 1 ? "" : "s")}, in {name}.", [])
        {
            Files = [new ReplyFile(name, "text/csv", bytes, "My network")],
        };
    }
}
