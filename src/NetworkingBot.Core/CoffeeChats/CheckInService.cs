using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Leases;
using NetworkingBot.Core.Network;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>
/// Mid-round check-ins: sends "How did it go?" with three buttons, records answers, and when the next round
/// starts counts unanswered check-ins, pausing (and telling) anyone who ignored three in a row.
/// </summary>
public sealed class CheckInService(
    IMemberStore members,
    IRoundStore rounds,
    RoundDelivery delivery,
    CommunityLocks locks,
    NetworkLog network,
    TimeProvider time,
    IOptions<CoffeeOptions> options,
    ILogger<CheckInService> logger)
{
    public async Task SendAsync(string roundId, CancellationToken cancellationToken)
    {
        var round = await rounds.GetAsync(roundId, cancellationToken).ConfigureAwait(false);
        if (round is null)
        {
            return;
        }

        await using var held = await locks.AcquireAsync(round.CommunityId, cancellationToken).ConfigureAwait(false);
        cancellationToken = held.Token; // a lost lease stops the check-ins: another instance may be sending them
        round = await rounds.GetAsync(roundId, cancellationToken).ConfigureAwait(false);
        if (round is null || round.Status != RoundStatus.Delivered)
        {
            return; // already sent, closed, forgotten or never delivered: nothing to do, and never twice
        }

        var sent = await rounds.GetDeliveriesAsync(round.RoundId, cancellationToken).ConfigureAwait(false);
        foreach (var group in round.Groups.Where(g => g.Members.Count > 1))
        {
            foreach (var userId in group.Members)
            {
                var text = CoffeeTexts.CheckIn(round, group.Members.Where(m => m != userId).ToList());
                await delivery.SendOnceAsync(round, $"checkin:{userId}", sent, OutboundMessage.ToUser(
                    round.CommunityId, userId, text, $"{round.RoundId}:checkin:{userId}", CoffeeTexts.CheckInButtons(round.RoundId)), cancellationToken).ConfigureAwait(false);
            }
        }

        await rounds.UpdateAsync(round with { Status = RoundStatus.CheckInSent }, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Check-ins sent for round {RoundId}", round.RoundId);
    }

    public async Task<CommandResult> AnswerAsync(CommandContext context, string roundId, CheckInAnswer answer, CancellationToken cancellationToken)
    {
        var round = await rounds.GetAsync(roundId, cancellationToken).ConfigureAwait(false);
        if (round is null || round.CommunityId != context.CommunityId || round.GroupOf(context.Actor.Id) is null)
        {
            return CommandResult.Fail("no_such_checkin", "I couldn't find that check-in for you. It may belong to someone else or to data you asked me to forget.");
        }

        var now = time.GetUtcNow();
        await rounds.SaveCheckInAsync(new CheckInResponse(roundId, round.CommunityId, context.Actor.Id, answer, now), cancellationToken).ConfigureAwait(false);
        if (answer is CheckInAnswer.Met or CheckInAnswer.Scheduled)
        {
            // Either member's answer speaks for the whole group: everyone in it met everyone else.
            var group = round.GroupOf(context.Actor.Id)!.Members;
            for (var i = 0; i < group.Count; i++)
            {
                for (var j = i + 1; j < group.Count; j++)
                {
                    await network.RecordBothAsync(round.CommunityId, group[i], group[j], $"coffee chat, round {round.Number}", now,
                        planned: answer == CheckInAnswer.Scheduled, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        if (await members.GetAsync(context.CommunityId, context.Actor.Id, cancellationToken).ConfigureAwait(false) is { IgnoredCheckIns: > 0 } member)
        {
            await members.UpsertAsync(member with { IgnoredCheckIns = 0 }, cancellationToken).ConfigureAwait(false);
        }

        return CommandResult.Ok(answer switch
        {
            CheckInAnswer.Met => "Wonderful, thanks for telling me! A short thank-you message to your partner goes a long way.",
            CheckInAnswer.Scheduled => "Great, enjoy the chat! You can tap \"We met\" afterwards if you like.",
            _ => "Thanks for letting me know. There's always next round; `/coffee pause` is there if you need a break.",
        });
    }

    /// <summary>
    /// Closes every check-in of the community that is still open: each member who got one and did not answer
    /// adds one to their ignored count; at the threshold they are paused until they resume, and told so.
    /// </summary>
    public async Task CloseOpenAsync(string communityId, CancellationToken cancellationToken)
    {
        var open = (await rounds.ListByStatusAsync([RoundStatus.CheckInSent], cancellationToken).ConfigureAwait(false))
            .Where(r => r.CommunityId == communityId)
            .OrderBy(r => r.Number);
        foreach (var round in open)
        {
            var sent = await rounds.GetDeliveriesAsync(round.RoundId, cancellationToken).ConfigureAwait(false);
            var answered = (await rounds.GetCheckInsAsync(round.RoundId, cancellationToken).ConfigureAwait(false)).Select(a => a.UserId).ToHashSet(StringComparer.Ordinal);
            foreach (var userId in round.Groups.SelectMany(g => g.Members).Where(u => sent.Contains($"checkin:{u}") && !answered.Contains(u)))
            {
                await CountIgnoredAsync(round, userId, sent, cancellationToken).ConfigureAwait(false);
            }

            await rounds.UpdateAsync(round with { Status = RoundStatus.Closed }, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CountIgnoredAsync(Round round, string userId, IReadOnlySet<string> sent, CancellationToken cancellationToken)
    {
        var member = await members.GetAsync(round.CommunityId, userId, cancellationToken).ConfigureAwait(false);
        if (member is null || member.Status != MemberStatus.Active)
        {
            return;
        }

        var ignored = member.IgnoredCheckIns + 1;
        if (ignored < options.Value.IgnoredCheckInsBeforePause)
        {
            await members.UpsertAsync(member with { IgnoredCheckIns = ignored }, cancellationToken).ConfigureAwait(false);
            return;
        }

        await members.UpsertAsync(member with { IgnoredCheckIns = 0, PausedUntil = DateTimeOffset.MaxValue }, cancellationToken).ConfigureAwait(false);
        await delivery.SendOnceAsync(round, $"autopause:{userId}", sent, OutboundMessage.ToUser(
            round.CommunityId, userId, CoffeeTexts.AutoPaused, $"{round.RoundId}:autopause:{userId}"), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Member paused after {Count} unanswered check-ins in round {RoundId}", ignored, round.RoundId);
    }
}
