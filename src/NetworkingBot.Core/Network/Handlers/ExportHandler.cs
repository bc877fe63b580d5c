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

        // Names in one bulk read; a departed member keeps their id.
        var people = await directory.FindManyAsync(
            context.CommunityId, [.. log.Contacts.Where(c => !c.FormerMember).Select(c => c.OtherId)], cancellationToken).ConfigureAwait(false);
        var bytes = ContactCsv.Write(log.Contacts, notes, c =>
            c.FormerMember ? NetworkForgetting.FormerMemberName : people.TryGetValue(c.OtherId, out var person) ? person.DisplayName : "@" + c.OtherId);
        var name = $"network-{time.GetUtcNow():yyyy-MM-dd}.csv";
        return new Reply($"Your network log: {log.Total} contact{(log.Total == 1 ? "" : "s")}, in {name}.", [])
        {
            Files = [new ReplyFile(name, "text/csv", bytes, "My network")],
        };
    }
}
