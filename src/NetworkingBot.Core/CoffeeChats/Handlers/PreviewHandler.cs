using System.Globalization;
using System.Text;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Scheduling;

namespace NetworkingBot.Core.CoffeeChats.Handlers;

/// <summary>
/// /coffee preview: a private dry run of the next scheduled round. It uses that round's own seed, so unless
/// members change their plans, the preview is exactly what will go out. Nothing is stored or sent.
/// </summary>
public sealed class PreviewHandler(IProgramStore programs, IRoundStore rounds, RoundPlanner planner, TimeProvider time) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("coffee", "preview", "privately see who the next round would pair, and why", [], OrganizerOnly: true);

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var program = await programs.GetAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        if (program is null)
        {
            return CommandResult.Fail(OrganizerTexts.NoProgram);
        }

        var at = RoundSchedule.Next(program, time.GetUtcNow());
        var slot = RoundIds.ScheduledSlot(at);
        var latest = await rounds.ListAsync(context.CommunityId, 1, cancellationToken).ConfigureAwait(false);
        var number = latest.Count == 0 ? 1 : latest[0].Number + 1;
        var (plan, eligible) = await planner.PlanAsync(program, at, number, RoundIds.Seed(context.CommunityId, slot), null, ignoreCadence: false, cancellationToken).ConfigureAwait(false);

        var local = TimeZoneInfo.ConvertTime(at, RoundSchedule.Zone(program.TimeZone));
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Preview of round {number} ({local:dddd d MMMM, HH:mm} {program.TimeZone}); nothing has been sent. {eligible.Count} eligible members, {plan.Groups.Count} groups, {plan.RepeatPairs} repeat pairs.");
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
