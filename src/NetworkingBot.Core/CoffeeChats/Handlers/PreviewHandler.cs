using System.Globalization;
using System.Text;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Scheduling;

namespace NetworkingBot.Core.CoffeeChats.Handlers;

/// <summary>
/// /coffee preview: a private dry run of the next scheduled round that will go out (one nobody is due for sends
/// nothing, and is named as such). It uses that round's own seed, so unless members change their plans, the preview
/// is exactly what will go out. Nothing is stored or sent.
/// </summary>
public sealed class PreviewHandler(ICoffeeScheduleStore programs, IMemberStore members, IRoundStore rounds, RoundPlanner planner, TimeProvider time) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("coffee", "preview", "privately see who the next round would pair, and why", [], OrganiserOnly: true);

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var program = await programs.GetAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        if (program is null)
        {
            return CommandResult.Fail(OrganiserTexts.NoProgram);
        }

        var zone = RoundSchedule.Zone(program.TimeZone);
        var everyone = await members.ListAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        var (next, quiet) = UpcomingRounds.NextWithAnyone(program, everyone, time.GetUtcNow());
        if (next is not { } at)
        {
            return CommandResult.Ok(everyone.Any(m => m.Status == MemberStatus.Active)
                ? $"No round is coming up: nobody is due in the next {UpcomingRounds.Horizon} scheduled rounds (every member is paused). Paused members come back by themselves."
                : "No round is coming up: nobody has joined yet. Members join with `/coffee join`.");
        }

        var text = new StringBuilder();
        if (quiet.Count > 0)
        {
            // Scheduled rounds nobody is due for send nothing; say so instead of previewing an empty round.
            var first = TimeZoneInfo.ConvertTime(quiet[0], zone);
            text.Append(CultureInfo.InvariantCulture, $"Nobody is due for the round of {first:dddd d MMMM, HH:mm} {program.TimeZone}");
            text.Append(quiet.Count == 1 ? ", so it won't go out. " : string.Create(CultureInfo.InvariantCulture, $" or the {quiet.Count - 1} after it, so they won't go out. "));
        }

        var slot = RoundIds.ScheduledSlot(at);
        var latest = await rounds.ListAsync(context.CommunityId, 1, cancellationToken).ConfigureAwait(false);
        var number = latest.Count == 0 ? 1 : latest[0].Number + 1;
        var (plan, eligible) = await planner.PlanAsync(program, at, number, RoundIds.Seed(context.CommunityId, slot), null, ignoreCadence: false, cancellationToken).ConfigureAwait(false);

        var local = TimeZoneInfo.ConvertTime(at, zone);
        text.Append(CultureInfo.InvariantCulture, $"Preview of round {number} ({local:dddd d MMMM, HH:mm} {program.TimeZone}); nothing has been sent. {CoffeeTexts.Count(eligible.Count, "eligible member")}, {CoffeeTexts.Count(plan.Groups.Count, "group")}, {CoffeeTexts.Count(plan.RepeatPairs, "repeat pair")}.");
        foreach (var group in plan.Groups)
        {
            text.Append("\n• ").Append(string.Join(" + ", group.Members.Select(CoffeeTexts.Mention))).Append(" — ").Append(group.Why);
        }

        foreach (var single in plan.Unmatched)
        {
            text.Append("\n• ").Append(CoffeeTexts.Mention(single)).Append(" — alone this round (nobody else is eligible)");
        }

        return CommandResult.Ok(text.ToString());
    }
}
