using System.Text;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Interviews.Handlers;

/// <summary>/interview list: my requests with their status, and my offer with this month's count and whom I accepted.</summary>
public sealed class InterviewListHandler(IInterviewStore store, TimeProvider time) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("interview", "list", "your requests and your offer, with their status", []);

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var me = context.Actor.Id;
        var requests = await store.ListRequestsAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        var offer = await store.GetOfferAsync(context.CommunityId, me, cancellationToken).ConfigureAwait(false);
        var mine = requests.Where(r => r.RequesterId == me).ToList();
        if (offer is null && mine.Count == 0)
        {
            return CommandResult.Ok("You have no interview requests or offers here. `/interview request` asks for one; `/interview offer` volunteers.");
        }

        var text = new StringBuilder();
        if (mine.Count > 0)
        {
            text.Append("Your requests:");
            foreach (var r in mine)
            {
                text.Append($"\n• `{r.RequestId}` {InterviewTexts.Topic(r)}: {Describe(r)}");
            }
        }

        if (offer is not null)
        {
            var accepted = requests.Where(r => r.AcceptedBy(me)).ToList();
            text.Append(text.Length > 0 ? "\n" : "")
                .Append($"Your offer ({offer.Status.ToString().ToLowerInvariant()}): {string.Join(", ", offer.Specialties)} as {offer.Role}; ")
                .Append($"{InterviewMatcher.AcceptedThisMonth(me, requests, now)} of {offer.MonthlyCapacity} interviews this month.");
            foreach (var r in accepted)
            {
                text.Append($"\n• you accepted {InterviewTexts.Mention(r.RequesterId)} on {r.AcceptedAt:yyyy-MM-dd} ({InterviewTexts.Topic(r)}, {Describe(r).Split(';')[0]})");
            }
        }

        return CommandResult.Ok(text.ToString());
    }

    // The requester sees the volunteer's name only once they accepted.
    private static string Describe(InterviewRequest r) => r.Status switch
    {
        RequestStatus.Asking => $"a volunteer has been asked ({r.MatchReason}); waiting for their answer",
        RequestStatus.Waiting => $"nobody available yet; I'll keep trying until {r.WaitUntil:yyyy-MM-dd}",
        RequestStatus.Accepted or RequestStatus.FollowUpSent => $"accepted by {InterviewTexts.Mention(r.VolunteerId!)}",
        RequestStatus.Met => $"done, with {InterviewTexts.Mention(r.VolunteerId!)}",
        RequestStatus.FellThrough => "fell through",
        RequestStatus.Cancelled => "cancelled",
        _ => "closed: nobody became available",
    };
}
