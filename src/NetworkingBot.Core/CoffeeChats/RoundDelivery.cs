using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkingBot.Core.Abstractions;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>
/// Sends a planned round: one short announcement, one intro per member (or per group where the platform has group DMs).
/// Each message's intent is recorded before it is sent and its delivery after the platform accepted it; anything delivered
/// is skipped, and a message with an intent but no delivery is looked up on the platform before it is sent again, so a
/// delivery interrupted by a crash at any instant resumes where it stopped without a duplicate (see SendOnceAsync).
/// Messages go to different conversations, so several are in flight at once (<see cref="Fanout"/>); the adapter's
/// limiter paces them to the platform's limits.
/// </summary>
public sealed partial class RoundDelivery(
    IMemberStore members,
    IRoundStore rounds,
    IMessenger messenger,
    AcceptedDeliveries accepted,
    TimeProvider time,
    IOptions<CoffeeOptions> options,
    ILogger<RoundDelivery> logger)
{
    /// <summary>
    /// Sends in flight at once. The adapters' limiters decide the rate; this only has to cover the round trip: at 50
    /// calls a second and 50 ms each, three suffice, so 16 leaves room for slow links (300 ms) while bounding what a lost
    /// lock can leave in the air (each of them is an intent the resume looks up).
    /// </summary>
    internal const int MaxSendsInFlight = 16;

    public async Task<Round> DeliverAsync(CoffeeSchedule program, Round round, CancellationToken cancellationToken)
    {
        var sent = await rounds.GetDeliveriesAsync(round.RoundId, cancellationToken).ConfigureAwait(false);
        var byId = (await members.ListAsync(round.CommunityId, cancellationToken).ConfigureAwait(false))
            .ToDictionary(m => m.UserId, StringComparer.Ordinal);
        var participants = round.Groups.Sum(g => g.Members.Count) + round.Unmatched.Count;
        // A round nobody was due for (everyone paused, skipping or on a slower cadence) stays quiet. The announcement is
        // one short summary (a single call, one token of the channel's bucket), so sending it first, so members read it
        // before their DM, costs the intros one round trip.
        if (participants > 0)
        {
            await SendOnceAsync(round, "announce", sent, OutboundMessage.ToChannel(
                round.CommunityId, program.ChannelId, CoffeeTexts.Announcement(program, round, participants), $"{round.RoundId}:announce"), cancellationToken).ConfigureAwait(false);
        }

        var sends = new List<Func<CancellationToken, Task>>();

        // Where the platform has group conversations (Slack), a group meets in one; elsewhere each member gets a DM.
        var together = messenger.SupportsGroups(round.CommunityId);
        foreach (var group in round.Groups)
        {
            var known = group.Members.Select(id => byId.GetValueOrDefault(id)).OfType<Member>().ToList();
            if (together)
            {
                if (known.Count >= 2)
                {
                    sends.Add(ct => SendOnceAsync(round, $"intro-group:{group.Index}", sent, OutboundMessage.ToGroup(
                        round.CommunityId, [.. known.Select(m => m.UserId)], CoffeeTexts.GroupIntro(round, group, known, program.CheckInAfterDays),
                        $"{round.RoundId}:intro-group:{group.Index}"), ct));
                }

                continue;
            }

            foreach (var userId in group.Members)
            {
                var partners = group.Members.Where(m => m != userId).Select(id => byId.GetValueOrDefault(id)).OfType<Member>().ToList();
                if (!byId.ContainsKey(userId) || partners.Count == 0)
                {
                    continue; // forgotten since the plan was made: nothing to introduce
                }

                var text = CoffeeTexts.Intro(round, group, byId[userId], partners, program.CheckInAfterDays);
                sends.Add(ct => SendIntroAsync(program, round, userId, sent, OutboundMessage.ToUser(
                    round.CommunityId, userId, text, $"{round.RoundId}:intro:{userId}"), ct));
            }
        }

        foreach (var userId in round.Unmatched)
        {
            const string text = "This round only you were free, so there's nobody to pair you with this time. You'll be first in line next round.";
            sends.Add(ct => SendOnceAsync(round, $"alone:{userId}", sent, OutboundMessage.ToUser(
                round.CommunityId, userId, text, $"{round.RoundId}:alone:{userId}"), ct));
        }

        await Fanout.RunAsync(sends, MaxSendsInFlight, cancellationToken).ConfigureAwait(false);

        var delivered = round with { Status = RoundStatus.Delivered };
        await rounds.UpdateAsync(delivered, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Round {RoundId} delivered to {Participants} members in {Groups} groups", round.RoundId, participants, round.Groups.Count);
        return delivered;
    }

    /// <summary>
    /// An intro, or, when the member's DMs are closed, a short note in the program's channel that mentions only
    /// them. The note goes out once, not every round: again only after a round where their DMs worked.
    /// </summary>
    private async Task SendIntroAsync(CoffeeSchedule program, Round round, string userId, IReadOnlySet<string> sent, OutboundMessage intro, CancellationToken cancellationToken)
    {
        try
        {
            await SendOnceAsync(round, $"intro:{userId}", sent, intro, cancellationToken).ConfigureAwait(false);
        }
        catch (RecipientUnreachableException ex)
        {
            logger.LogInformation("Round {RoundId}: DMs to {UserId} are closed ({Reason}); noting it in the channel", round.RoundId, userId, ex.Reason);
            await rounds.TryRecordDeliveryAsync(round.RoundId, $"{Unreachable}{userId}", time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (!await WasUnreachableLastRoundAsync(round, userId, cancellationToken).ConfigureAwait(false))
            {
                await SendOnceAsync(round, $"dm-closed:{userId}", sent, OutboundMessage.ToChannel(
                    round.CommunityId, program.ChannelId, CoffeeTexts.DirectMessagesClosed(userId), $"{round.RoundId}:dm-closed:{userId}"), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<bool> WasUnreachableLastRoundAsync(Round round, string userId, CancellationToken cancellationToken)
    {
        var recent = await rounds.ListAsync(round.CommunityId, 3, cancellationToken).ConfigureAwait(false);
        var previous = recent.Where(r => r.RoundId != round.RoundId && r.Number < round.Number).MaxBy(r => r.Number);
        return previous is not null
            && (await rounds.GetDeliveriesAsync(previous.RoundId, cancellationToken).ConfigureAwait(false)).Contains($"{Unreachable}{userId}");
    }

    private const string Unreachable = "unreachable:";
}
