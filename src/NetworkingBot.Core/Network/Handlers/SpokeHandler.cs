using System.Globalization;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Network.Handlers;

/// <summary>/network spoke: "we spoke" — sets last spoke (today by default), never in the future or before first met.</summary>
public sealed class SpokeHandler(INetworkStore store, ContactOption contacts, NetworkLog log, TimeProvider time) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("network", "spoke", "note that you spoke with a contact (today, or on a day)",
    [
        new("member", "the member", Required: true, Kind: OptionKind.User),
        new("on", "the day you spoke (default today)", Kind: OptionKind.Date),
    ], Example: "/network spoke member:@sam on:2026-03-03");

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var day = today;
        if (request.Option("on") is { } raw && !DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return CommandResult.Fail("date_invalid", "`on` is a day like `on:2026-03-03`. Nothing changed.");
        }

        if (day > today)
        {
            return CommandResult.Fail("date_in_future", $"{NetworkTexts.Day(day)} is in the future; say when you already spoke. Nothing changed.");
        }

        var (contact, error) = await contacts.ReadAsync(context, request, cancellationToken).ConfigureAwait(false);
        if (contact is null)
        {
            return CommandResult.Fail(error!);
        }

        if (day < DateOnly.FromDateTime(contact.FirstMet.UtcDateTime))
        {
            return CommandResult.Fail("date_before_first_met", $"You first met on {NetworkTexts.Day(contact.FirstMet)}; a later day, please. Nothing changed.");
        }

        // Today is "now"; an earlier day is its noon (UTC), never before first met.
        var at = day == today ? now : new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        at = at < contact.FirstMet ? contact.FirstMet : at;
        await store.SetLastSpokeAsync(context.CommunityId, context.Actor.Id, contact.OtherId, at, cancellationToken).ConfigureAwait(false);
        await log.TouchAsync(context.CommunityId, context.Actor.Id, contact.OtherId, at, cancellationToken).ConfigureAwait(false);
        return CommandResult.Ok($"Noted: you last spoke with @{contact.OtherId} on {NetworkTexts.Day(day)}.");
    }
}
