using System.Globalization;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Scheduling;
using Microsoft.Extensions.Options;

namespace NetworkingBot.Core.CoffeeChats.Handlers;

/// <summary>/coffee setup: an organiser creates or changes the program; the schedule follows at once.</summary>
public sealed class SetupHandler(ICoffeeScheduleStore programs, IRoundScheduler scheduler, TimeProvider time, IOptions<CoffeeOptions> options) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("coffee", "setup", "set up or change coffee chats: channel, day, time, time zone, cadence, group size",
    [
        new("channel", "where announcements go (default: this channel)", Kind: OptionKind.Channel),
        new("day", "the weekday rounds start", Choices: ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]),
        new("time", "the local time rounds start, HH:MM", Kind: OptionKind.Time),
        new("tz", "the program's time zone, an IANA name", Kind: OptionKind.TimeZone),
        new("cadence", "how often rounds run", Choices: ProfileText.Cadences),
        new("group", "people per group", Choices: ["2", "3"]),
        new("checkin", "days after a round to ask how it went (1-6)", Kind: OptionKind.Number),
        new("active", "run rounds (yes) or stop them (no)", Choices: ["yes", "no"]),
    ], OrganiserOnly: true, Example: "/coffee setup channel:#coffee-chats day:monday time:09:00 tz:America/Chicago cadence:weekly group:2");

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var program = await programs.GetAsync(context.CommunityId, cancellationToken).ConfigureAwait(false)
            ?? new CoffeeSchedule(context.CommunityId, context.ChannelId, DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", Cadence.Weekly, 2,
                options.Value.DefaultCheckInAfterDays, DateOnly.FromDateTime(now.UtcDateTime), true, now);

        var (updated, error) = Apply(program, request);
        if (error is not null)
        {
            return CommandResult.Fail(error);
        }

        updated = updated! with { UpdatedAt = now };
        await programs.UpsertAsync(updated, cancellationToken).ConfigureAwait(false);
        await scheduler.ScheduleProgramAsync(updated, cancellationToken).ConfigureAwait(false);
        if (!updated.Enabled)
        {
            return CommandResult.Ok("Coffee chats are stopped: no rounds will run until you `/coffee setup active:yes`.");
        }

        var next = TimeZoneInfo.ConvertTime(RoundSchedule.Next(updated, now), RoundSchedule.Zone(updated.TimeZone));
        return CommandResult.Ok(string.Create(CultureInfo.InvariantCulture,
            $"Coffee chats are set: {ProfileText.Of(updated.Cadence)} on {updated.Day}s at {updated.Time:HH\\:mm} ({updated.TimeZone}), groups of {updated.GroupSize}, announced in <#{updated.ChannelId}>, check-ins {CoffeeTexts.Count(updated.CheckInAfterDays, "day")} after each round.\nNext round: {next:dddd d MMMM yyyy, HH:mm}. Try `/coffee preview` to see who would be paired."));
    }

    private static (CoffeeSchedule? Program, UserError? Error) Apply(CoffeeSchedule program, CommandRequest request)
    {
        if (request.Option("channel") is { } channel)
        {
            var id = channel.Trim().TrimStart('#').Trim('<', '>').TrimStart('#');
            if (id.Length is 0 or > 100 || id.Any(char.IsWhiteSpace))
            {
                return (null, new UserError("bad_channel", "`channel` must name one channel, like `#coffee-chats`."));
            }

            program = program with { ChannelId = id };
        }

        if (request.Option("day") is { } dayText)
        {
            var (day, error) = OptionParsers.Day(dayText);
            if (error is not null)
            {
                return (null, error);
            }

            program = program with { Day = day!.Value };
        }

        if (request.Option("time") is { } timeText)
        {
            var (at, error) = OptionParsers.Time("time", timeText);
            if (error is not null)
            {
                return (null, error);
            }

            program = program with { Time = at!.Value };
        }

        if (request.Option("tz") is { } tz)
        {
            var (zone, error) = OptionParsers.TimeZone(tz);
            if (error is not null)
            {
                return (null, error);
            }

            program = program with { TimeZone = zone! };
        }

        if (request.Option("checkin") is { } checkinText)
        {
            var (days, error) = OptionParsers.Number("checkin", checkinText, 1, 6);
            if (error is not null)
            {
                return (null, error);
            }

            program = program with { CheckInAfterDays = days!.Value };
        }

        program = request.Option("cadence") is { } cadence ? program with { Cadence = ProfileText.ParseCadence(cadence.Trim().ToLowerInvariant()) } : program;
        program = request.Option("group") is { } group ? program with { GroupSize = group.Trim() == "3" ? 3 : 2 } : program;
        program = request.Option("active") is { } active ? program with { Enabled = active.Trim().Equals("yes", StringComparison.OrdinalIgnoreCase) } : program;
        return (program, null);
    }
}
