using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Leases;

namespace NetworkingBot.Core.JobLeads.Handlers;

/// <summary>
/// /job close: the sharer or an organiser marks a lead filled, expired or withdrawn. Its channel post is edited
/// into the closed form (or, where it cannot be, a short follow-up names the lead; see <see cref="JobLeadPosts"/>).
/// The lead is read and closed under the board's lock, the one the expiry sweep and a share's post reference
/// take, so a close never races either into marking the post twice or losing the reference.
/// </summary>
public sealed class CloseHandler(IJobLeadStore store, JobLeadPosts posts, CommunityLocks locks, TimeProvider time) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("job", "close", "close a lead you shared: filled, expired or withdrawn",
    [
        new("lead", "the lead's number, as in #12", Required: true, Kind: OptionKind.Number),
        new("reason", "why it's closed", Choices: ["filled", "expired", "withdrawn"]),
    ], Example: "/job close lead:12 reason:filled") { OrganisersMayDoMore = true };

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var raw = request.Option("lead")!;
        var (number, error) = OptionParsers.Number("lead", raw.Trim().TrimStart('#'), 1, int.MaxValue);
        if (error is not null)
        {
            // "from 1 to 2147483647" says nothing useful; the member needs the numbers the board shows.
            return CommandResult.Fail(error with { Message = $"`lead` must be a lead's number, like `12` (`/job list` shows them), not `{OptionParsers.Clip(raw)}`." });
        }

        await using var hold = await locks.AcquireAsync("jobs:" + context.CommunityId, cancellationToken).ConfigureAwait(false);
        var lead = await store.GetLeadAsync(context.CommunityId, number!.Value, cancellationToken).ConfigureAwait(false);
        if (lead is null)
        {
            return CommandResult.Fail("no_lead", $"There is no lead #{number} here. `/job list` shows the open ones with their numbers.");
        }

        if (lead.SharerId != context.Actor.Id && !context.IsOrganiser)
        {
            return CommandResult.Fail("not_yours", $"Only the member who shared lead #{lead.Number} or an organiser can close it. If it's filled, tell an organiser.");
        }

        if (!lead.IsOpen)
        {
            return CommandResult.Fail("already_closed", $"Lead #{lead.Number} is already closed ({JobTexts.StatusWord(lead.Status)}); nothing changed.");
        }

        var status = request.Option("reason")?.Trim().ToLowerInvariant() switch
        {
            "expired" => JobLeadStatus.Expired,
            "withdrawn" => JobLeadStatus.Withdrawn,
            _ => JobLeadStatus.Filled,
        };
        var closed = lead with { Status = status, ClosedAt = time.GetUtcNow(), ClosedBy = context.Actor.Id };
        // Marked before it is saved: if the platform fails, the lead stays open and closing it again works.
        if (await store.GetBoardAsync(context.CommunityId, cancellationToken).ConfigureAwait(false) is { } board)
        {
            await posts.MarkClosedAsync(board, closed, cancellationToken).ConfigureAwait(false);
        }

        await store.UpdateLeadAsync(closed, cancellationToken).ConfigureAwait(false);

        return CommandResult.Ok($"Lead #{closed.Number} is closed ({JobTexts.StatusWord(status)}) and marked in the channel. Thanks for keeping the board current!");
    }
}
