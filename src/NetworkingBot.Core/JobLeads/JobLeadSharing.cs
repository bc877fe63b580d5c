using Microsoft.Extensions.Options;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Leases;

namespace NetworkingBot.Core.JobLeads;

/// <summary>
/// Sharing a lead: validate, refuse a duplicate with a pointer to the lead already here, store it under the
/// next number, post it to the board's channel (keeping the post's reference, so closing can edit it), then tell
/// instant subscribers. One community at a time (<see cref="CommunityLocks"/>), so two shares of the same posting
/// cannot both pass the duplicate check.
/// </summary>
public sealed class JobLeadSharing(
    IJobLeadStore store,
    JobLeadPosts posts,
    JobLeadNotifier notifier,
    MemberZones zones,
    CommunityLocks locks,
    TimeProvider time,
    IOptions<JobOptions> options)
{
    public async Task<CommandResult> ShareAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var board = await store.GetBoardAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        if (board is null)
        {
            return CommandResult.Fail("no_board", "Job leads aren't set up here yet: an organiser needs to run `/job setup channel:#jobs` first.");
        }

        var now = time.GetUtcNow();
        var zone = await zones.OfAsync(context.CommunityId, context.Actor.Id, cancellationToken).ConfigureAwait(false);
        var (draft, errors) = JobLeadValidator.Validate(request, context, zone, now, options.Value.ExpiryDays);
        if (draft is null)
        {
            var list = string.Join('\n', errors.Select(e => "• " + e.Message));
            return CommandResult.Fail(errors[0].Code, $"I couldn't share that lead yet; nothing was posted. Please fix:\n{list}\nExample: `{Handlers.ShareHandler.Spec.Example}`");
        }

        JobLead lead;
        await using (await locks.AcquireAsync("jobs:" + context.CommunityId, cancellationToken).ConfigureAwait(false))
        {
            var existing = await store.ListLeadsAsync(context.CommunityId, DateTimeOffset.MinValue, cancellationToken).ConfigureAwait(false);
            if (FindDuplicate(draft, existing, now) is { } duplicate)
            {
                return CommandResult.Fail("duplicate_lead",
                    $"That lead is already here: #{duplicate.Number} **{duplicate.Title}** — {duplicate.Employer}, shared {duplicate.SharedAt:yyyy-MM-dd} ({JobTexts.StatusWord(duplicate.Status)}). Nothing new was posted; `/job list` shows the open leads.");
            }

            lead = await store.AddLeadAsync(draft, cancellationToken).ConfigureAwait(false);
        }

        if (await posts.PostAsync(board, lead, cancellationToken).ConfigureAwait(false) is { } postRef)
        {
            // Under the board's lock and re-read, so a close or an expiry that slipped in while the post was going
            // out (and marked it with a follow-up) is not undone by this save.
            await using var hold = await locks.AcquireAsync("jobs:" + context.CommunityId, cancellationToken).ConfigureAwait(false);
            var current = await store.GetLeadAsync(lead.CommunityId, lead.Number, cancellationToken).ConfigureAwait(false) ?? lead;
            await store.UpdateLeadAsync(current with { PostRef = postRef }, cancellationToken).ConfigureAwait(false);
        }

        var told = await notifier.NotifyInstantAsync(lead, now, cancellationToken).ConfigureAwait(false);
        var who = lead.Anonymous ? " anonymously" : "";
        var reach = told == 0 ? "" : $" {told} subscriber{(told == 1 ? " was" : "s were")} told right away.";
        return CommandResult.Ok($"Thanks! Lead #{lead.Number} **{lead.Title}** is posted{who} in <#{board.ChannelId}>.{reach} When it's filled, `/job close lead:{lead.Number} reason:filled`.");
    }

    /// <summary>
    /// The same normalised link as any lead still open or shared within the window, or the same title and
    /// employer within the window.
    /// </summary>
    internal JobLead? FindDuplicate(JobLead draft, IReadOnlyList<JobLead> existing, DateTimeOffset now)
    {
        var windowStart = now.AddDays(-options.Value.DuplicateWindowDays);
        return existing.FirstOrDefault(l =>
            (draft.LinkKey is not null && l.LinkKey == draft.LinkKey && (l.IsOpen || l.SharedAt >= windowStart))
            || (l.SharedAt >= windowStart && l.TitleKey == draft.TitleKey && l.EmployerKey == draft.EmployerKey));
    }
}
