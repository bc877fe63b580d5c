using System.Globalization;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.JobLeads.Handlers;

/// <summary>/job setup: an organiser picks the jobs channel and the weekly digest's day and time (or turns it off).</summary>
public sealed class JobSetupHandler(IJobLeadStore store, TimeProvider time) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("job", "setup", "set up job leads: channel, weekly digest day and time, time zone",
    [
        new("channel", "where leads are posted (default: this channel)", Kind: OptionKind.Channel),
        new("digest-day", "weekday of the weekly channel digest, or off", Choices: ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "off"]),
        new("digest-time", "local time of the weekly digest, HH:MM", Kind: OptionKind.Time),
        new("tz", "the board's time zone, an IANA name", Kind: OptionKind.TimeZone),
    ], OrganiserOnly: true, Example: "/job setup channel:#jobs digest-day:friday digest-time:09:00 tz:America/Chicago");

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var board = await store.GetBoardAsync(context.CommunityId, cancellationToken).ConfigureAwait(false)
            ?? new JobBoard(context.CommunityId, context.ChannelId, DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", now, now);
        if (request.Option("channel") is { } channel)
        {
            var id = channel.Trim().Trim('<', '>').TrimStart('#');
            if (id.Length is 0 or > 100 || id.Any(char.IsWhiteSpace))
            {
                return CommandResult.Fail("bad_channel", "`channel` must name one channel, like `#jobs`.");
            }

            board = board with { ChannelId = id };
        }

        if (request.Option("digest-day") is { } dayText)
        {
            var (day, error) = dayText.Trim().Equals("off", StringComparison.OrdinalIgnoreCase) ? (null, null) : OptionParsers.Day(dayText);
            if (error is not null)
            {
                return CommandResult.Fail(error);
            }

            board = board with { DigestDay = day };
        }

        if (request.Option("digest-time") is { } timeText)
        {
            var (at, error) = OptionParsers.Time("digest-time", timeText);
            if (error is not null)
            {
                return CommandResult.Fail(error);
            }

            board = board with { DigestTime = at!.Value };
        }

        if (request.Option("tz") is { } tz)
        {
            var (zone, error) = OptionParsers.TimeZone(tz);
            if (error is not null)
            {
                return CommandResult.Fail(error);
            }

            board = board with { TimeZone = zone! };
        }

        // Settings changed now count from now: a digest slot that passed before this change is not sent late.
        board = board with { UpdatedAt = now, LastWeeklyDigestAt = now };
        await store.UpsertBoardAsync(board, cancellationToken).ConfigureAwait(false);
        var digest = board.DigestDay is { } d
            ? string.Create(CultureInfo.InvariantCulture, $"a weekly digest every {d} at {board.DigestTime:HH\\:mm} ({board.TimeZone})")
            : "no weekly digest";
        return CommandResult.Ok($"Job leads are set: posted in <#{board.ChannelId}>, {digest}. Members can now `/job share` and `/job subscribe`.");
    }
}
