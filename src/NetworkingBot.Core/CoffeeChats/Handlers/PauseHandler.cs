using System.Globalization;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Scheduling;

namespace NetworkingBot.Core.CoffeeChats.Handlers;

/// <summary>/coffee pause weeks:N | until:DATE — sit out for a while; pairing resumes by itself afterwards.</summary>
public sealed class PauseHandler(IMemberStore members, TimeProvider time) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("coffee", "pause", "take a break for some weeks or until a date; you come back by yourself",
    [
        new("weeks", "how many weeks to pause (1-52)", Kind: OptionKind.Number),
        new("until", "the date you'd like to be back, YYYY-MM-DD", Kind: OptionKind.Date),
    ], Example: "/coffee pause weeks:2");

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var member = await MemberGuard.ActiveAsync(members, context, cancellationToken).ConfigureAwait(false);
        if (member is null)
        {
            return CommandResult.Fail(MemberGuard.NotEnrolled);
        }

        if (request.Has("weeks") == request.Has("until"))
        {
            return CommandResult.Fail(OptionValidator.Usage(Spec, "pause_needs_one", "Give either `weeks` or `until` (one of them)."));
        }

        var now = time.GetUtcNow();
        var zone = RoundSchedule.Zone(member.Profile.TimeZone);
        DateTimeOffset until;
        if (request.Option("weeks") is { } weeksText)
        {
            var (weeks, error) = OptionParsers.Number("weeks", weeksText, 1, 52);
            if (error is not null)
            {
                return CommandResult.Fail(error);
            }

            until = now.AddDays(7 * weeks!.Value);
        }
        else
        {
            var (date, error) = OptionParsers.Date("until", request.Option("until")!);
            if (error is not null)
            {
                return CommandResult.Fail(error);
            }

            // Bounded as a date in the member's own zone before any arithmetic: 0001-01-01 in a zone ahead of UTC, or
            // 9999-12-31 behind it, is no instant at all.
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
            if (date!.Value <= today)
            {
                return CommandResult.Fail("date_in_past", $"{date.Value:yyyy-MM-dd} is not in the future (today is {today:yyyy-MM-dd} in {member.Profile.TimeZone}). Pick a later date, or use `/coffee skip` to miss just the next round.");
            }

            if (date.Value > today.AddYears(1))
            {
                return CommandResult.Fail("date_too_far", $"You can pause for up to a year (until {today.AddYears(1):yyyy-MM-dd} at the latest). For longer, `/coffee leave` and join again whenever you like.");
            }

            // "until 2026-12-24" means the start of that day in the member's time zone.
            until = RoundSchedule.ToInstant(date.Value, TimeOnly.MinValue, zone);
        }

        await members.UpsertAsync(member with { PausedUntil = until }, cancellationToken).ConfigureAwait(false);
        var local = TimeZoneInfo.ConvertTime(until, zone);
        return CommandResult.Ok(string.Create(CultureInfo.InvariantCulture,
            $"Paused. You won't be paired until {local:dddd d MMMM yyyy} ({member.Profile.TimeZone}); after that you're back in automatically. Changed your mind? `/coffee resume`."));
    }
}
