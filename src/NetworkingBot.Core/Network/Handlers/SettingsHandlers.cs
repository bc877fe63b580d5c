using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Network.Handlers;

/// <summary>/network nudges: all follow-up reminders on or off, or those about one contact.</summary>
public sealed class NudgesHandler(INetworkStore store, ContactOption contacts) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("network", "nudges", "turn follow-up reminders on or off, for everyone or one contact",
    [
        new("to", "on or off", Required: true, Choices: ["on", "off"]),
        new("member", "only reminders about this contact", Kind: OptionKind.User),
    ], Example: "/network nudges to:off member:@sam");

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var on = request.Option("to") == "on";
        if (request.Has("member"))
        {
            var (contact, error) = await contacts.ReadAsync(context, request, cancellationToken).ConfigureAwait(false);
            if (contact is null)
            {
                return CommandResult.Fail(error!);
            }

            await store.SetRemindersAsync(context.CommunityId, context.Actor.Id, contact.OtherId, on, cancellationToken).ConfigureAwait(false);
            return CommandResult.Ok($"Reminders about @{contact.OtherId} are {(on ? "on" : "off")}.");
        }

        var settings = await store.GetSettingsAsync(context.CommunityId, context.Actor.Id, cancellationToken).ConfigureAwait(false);
        await store.SaveSettingsAsync(settings with { NudgesOn = on }, cancellationToken).ConfigureAwait(false);
        return CommandResult.Ok(on ? "Follow-up reminders are on: at most one message a morning." : "Follow-up reminders are off; your log keeps growing.");
    }
}

/// <summary>/network intros: whether other members may introduce me with /intro.</summary>
public sealed class IntrosHandler(INetworkStore store) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("network", "intros", "whether others may introduce you with /intro",
    [
        new("to", "on or off", Required: true, Choices: ["on", "off"]),
    ], Example: "/network intros to:off");

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var on = request.Option("to") == "on";
        var settings = await store.GetSettingsAsync(context.CommunityId, context.Actor.Id, cancellationToken).ConfigureAwait(false);
        await store.SaveSettingsAsync(settings with { IntrosOn = on }, cancellationToken).ConfigureAwait(false);
        return CommandResult.Ok(on ? "Others may introduce you with /intro." : "Nobody can introduce you with /intro now.");
    }
}
