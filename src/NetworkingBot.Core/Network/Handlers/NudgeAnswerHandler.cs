using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Network.Handlers;

/// <summary>The buttons of a follow-up nudge: they update the log and answer the clicker privately.</summary>
public sealed class NudgeAnswerHandler(INetworkStore store, INetworkDirectory directory, ContactOption contacts, NetworkLog log, TimeProvider time) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("network", "nudge", "answer a follow-up reminder (its buttons do this for you)",
    [
        new("member", "the contact the reminder is about", Required: true, Kind: OptionKind.User),
        new("answer", "what you did", Required: true, Choices: ["sent", "skip", "done", "later", "spoke", "month", "stop"]),
    ], Example: "/network nudge member:@sam answer:spoke");

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var (contact, error) = await contacts.ReadAsync(context, request, cancellationToken).ConfigureAwait(false);
        if (contact is null)
        {
            return CommandResult.Fail(error!);
        }

        var now = time.GetUtcNow();
        var zone = (await directory.FindAsync(context.CommunityId, context.Actor.Id, cancellationToken).ConfigureAwait(false))?.TimeZone;
        var who = "@" + contact.OtherId;
        switch (request.Option("answer"))
        {
            case "spoke":
                await store.SetLastSpokeAsync(context.CommunityId, context.Actor.Id, contact.OtherId, now, cancellationToken).ConfigureAwait(false);
                await log.ScheduleReconnectAsync(context.CommunityId, context.Actor.Id, contact.OtherId, now, zone, cancellationToken).ConfigureAwait(false);
                return CommandResult.Ok($"Noted: you spoke with {who} recently.");
            case "later":
                await store.ScheduleNudgeAsync(new NetworkNudge(context.CommunityId, context.Actor.Id, contact.OtherId, NudgeKind.MonthLater,
                    LocalMorning.After(now.AddDays(14), 0, zone)), cancellationToken).ConfigureAwait(false);
                return CommandResult.Ok($"I'll remind you about {who} in two weeks.");
            case "month":
                await store.ScheduleNudgeAsync(new NetworkNudge(context.CommunityId, context.Actor.Id, contact.OtherId, NudgeKind.Reconnect,
                    LocalMorning.After(now.AddMonths(1), 0, zone)), cancellationToken).ConfigureAwait(false);
                return CommandResult.Ok($"I'll remind you about {who} in a month.");
            case "stop":
                await store.SetRemindersAsync(context.CommunityId, context.Actor.Id, contact.OtherId, false, cancellationToken).ConfigureAwait(false);
                return CommandResult.Ok($"No more reminders about {who}. `/network nudges to:on member:{who}` turns them back on.");
            case "skip":
                return CommandResult.Ok("Skipped.");
            default:
                return CommandResult.Ok("Thank you; small gestures keep a network alive.");
        }
    }
}
