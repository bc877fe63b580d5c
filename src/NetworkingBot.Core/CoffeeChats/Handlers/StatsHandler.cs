using System.Globalization;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Pairing;

namespace NetworkingBot.Core.CoffeeChats.Handlers;

/// <summary>/coffee stats: participation, rounds, how many groups met, and how well repeats were avoided.</summary>
public sealed class StatsHandler(IMemberStore members, IRoundStore rounds, TimeProvider time) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("coffee", "stats", "participation, rounds, share of groups that met, repeats", [], OrganiserOnly: true);

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var all = await members.ListAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        var active = all.Count(m => m.Status == MemberStatus.Active);
        var paused = all.Count(m => m.Status == MemberStatus.Active && m.IsPausedAt(now));
        var history = (await rounds.ListAsync(context.CommunityId, 5000, cancellationToken).ConfigureAwait(false))
            .Where(r => r.Status != RoundStatus.Claimed && r.Groups.Count > 0)
            .OrderBy(r => r.Number)
            .ToList();

        int groups = 0, met = 0, answered = 0, pairs = 0, repeats = 0;
        var seen = new HashSet<PairKey>();
        foreach (var round in history)
        {
            var answers = await rounds.GetCheckInsAsync(round.RoundId, cancellationToken).ConfigureAwait(false);
            foreach (var group in round.Groups)
            {
                groups++;
                var groupAnswers = answers.Where(a => group.Members.Contains(a.UserId)).ToList();
                answered += groupAnswers.Count > 0 ? 1 : 0;
                met += groupAnswers.Any(a => a.Answer == CheckInAnswer.Met) ? 1 : 0;
                foreach (var pair in Pairs(group.Members))
                {
                    pairs++;
                    repeats += seen.Add(pair) ? 0 : 1;
                }
            }
        }

        var share = groups == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(100.0 * met / groups)}%");
        return CommandResult.Ok(string.Create(CultureInfo.InvariantCulture,
            $"Coffee chat stats: {CoffeeTexts.Count(active, "member")} ({paused} paused, {all.Count - active} left); {history.Count} round{(history.Count == 1 ? "" : "s")}, {groups} group{(groups == 1 ? "" : "s")}.\nGroups that met: {met} of {groups} ({share}); groups that answered a check-in: {answered}.\nRepeat pairs: {repeats} of {pairs} pairs were people who had met before through the bot."));
    }

    private static IEnumerable<PairKey> Pairs(IReadOnlyList<string> members)
    {
        for (var i = 0; i < members.Count; i++)
        {
            for (var j = i + 1; j < members.Count; j++)
            {
                yield return PairKey.Of(members[i], members[j]);
            }
        }
    }
}
