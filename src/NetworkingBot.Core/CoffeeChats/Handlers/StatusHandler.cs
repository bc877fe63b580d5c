using System.Globalization;
using System.Text;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Scheduling;

namespace NetworkingBot.Core.CoffeeChats.Handlers;

/// <summary>/coffee status: the member's own next round, current partner, chats so far, pause or skip.</summary>
public sealed class StatusHandler(IMemberStore members, ICoffeeScheduleStore programs, IRoundStore rounds, TimeProvider time) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("coffee", "status", "your next round, current partner and chats so far", []);

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var member = await MemberGuard.ActiveAsync(members, context, cancellationToken).ConfigureAwait(false);
        if (member is null)
        {
            return CommandResult.Fail(MemberGuard.NotEnrolled);
        }

        var now = time.GetUtcNow();
        var zone = RoundSchedule.Zone(member.Profile.TimeZone);
        var text = new StringBuilder();
        var program = await programs.GetAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        if (program is { Enabled: true })
        {
            // The member's own next round: a scheduled round they are not due for (their cadence, a recent pair-now)
            // does not include them, and one nobody is due for does not go out at all.
            if (UpcomingRounds.NextFor(program, member, now) is { } at)
            {
                // The year only when it is not this one: a round after a long pause is easily a year away.
                var next = TimeZoneInfo.ConvertTime(at, zone);
                var format = next.Year == TimeZoneInfo.ConvertTime(now, zone).Year ? "dddd d MMMM, HH:mm" : "dddd d MMMM yyyy, HH:mm";
                text.Append(CultureInfo.InvariantCulture, $"Next round: {next.ToString(format, CultureInfo.InvariantCulture)} ({member.Profile.TimeZone}).");
            }
            else
            {
                text.Append("No round is coming up for you while you're paused.");
            }
        }
        else
        {
            text.Append("No rounds are scheduled here yet; an organiser can set them up with `/coffee setup`.");
        }

        if (member.IsPausedAt(now))
        {
            text.Append(member.PausedUntil == DateTimeOffset.MaxValue
                ? " You're paused until you `/coffee resume`."
                : string.Create(CultureInfo.InvariantCulture, $" You're paused until {TimeZoneInfo.ConvertTime(member.PausedUntil!.Value, zone):d MMMM yyyy}."));
        }
        else if (member.SkipNext)
        {
            text.Append(" You're skipping the next round.");
        }

        var mine = (await rounds.ListAsync(context.CommunityId, 5000, cancellationToken).ConfigureAwait(false))
            .Where(r => r.Status != RoundStatus.Claimed && r.GroupOf(member.UserId) is not null)
            .ToList();
        if (mine.Count > 0)
        {
            var latest = mine[0];
            var partners = latest.GroupOf(member.UserId)!.Members.Where(m => m != member.UserId).Select(CoffeeTexts.Mention).ToList();
            // A partner who asked to be forgotten is gone from the round's group; say so rather than name nobody.
            var names = partners.Count == 0 ? "a former member" : string.Join(" and ", partners);
            text.Append(CultureInfo.InvariantCulture, $"\nCurrent partner (round {latest.Number}): {names}.");
        }

        var met = 0;
        foreach (var round in mine)
        {
            var answers = await rounds.GetCheckInsAsync(round.RoundId, cancellationToken).ConfigureAwait(false);
            met += answers.Any(a => a.UserId == member.UserId && a.Answer == CheckInAnswer.Met) ? 1 : 0;
        }

        text.Append(CultureInfo.InvariantCulture, $"\nChats so far: matched {mine.Count} time{(mine.Count == 1 ? "" : "s")}, {met} confirmed as met.");
        return CommandResult.Ok(text.ToString());
    }
}
