using Microsoft.Extensions.Logging;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Scheduling;

namespace NetworkingBot.Core.JobLeads;

/// <summary>
/// A lead's post in the board's channel. It is posted as a card and, once the lead closes, edited in place into
/// its closed form, so anyone scanning the channel sees at the post itself that it is filled, expired or
/// withdrawn. Where there is no post to edit (not recorded, deleted, or a platform without edits) a short
/// follow-up says it instead.
/// </summary>
public sealed class JobLeadPosts(IMessenger messenger, ILogger<JobLeadPosts> logger)
{
    /// <summary>Posts a new lead; returns the platform's reference to the post, for <see cref="JobLead.PostRef"/>.</summary>
    public Task<string?> PostAsync(JobBoard board, JobLead lead, CancellationToken cancellationToken) =>
        messenger.PostAsync(
            OutboundMessage.ToChannel(lead.CommunityId, board.ChannelId, JobTexts.Post(lead), $"job:{lead.CommunityId}:{lead.Number}:post") with { Card = true },
            cancellationToken);

    /// <summary>
    /// Redraws a lead's post from the lead as it is now (open or closed), e.g. after forget-me made it anonymous.
    /// Nothing is posted where the post cannot be edited: a new message would only draw attention to the change.
    /// </summary>
    public async Task<bool> RedrawAsync(JobBoard board, JobLead lead, CancellationToken cancellationToken)
    {
        if (lead.PostRef is not { } postRef)
        {
            return false;
        }

        var text = lead.IsOpen ? JobTexts.Post(lead) : JobTexts.ClosedPost(lead, RoundSchedule.Zone(board.TimeZone));
        var key = $"job:{lead.CommunityId}:{lead.Number}:redraw";
        return await messenger.EditAsync(postRef, OutboundMessage.ToChannel(lead.CommunityId, board.ChannelId, text, key) with { Card = true }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks a closed lead in the channel: true when its post was edited, false when a follow-up went out instead.</summary>
    public async Task<bool> MarkClosedAsync(JobBoard board, JobLead closed, CancellationToken cancellationToken)
    {
        var key = $"job:{closed.CommunityId}:{closed.Number}:{JobTexts.StatusWord(closed.Status)}";
        if (closed.PostRef is { } postRef)
        {
            var replacement = OutboundMessage.ToChannel(closed.CommunityId, board.ChannelId, JobTexts.ClosedPost(closed, RoundSchedule.Zone(board.TimeZone)), key) with { Card = true };
            if (await messenger.EditAsync(postRef, replacement, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            logger.LogInformation("Job lead {LeadNumber} of {Community}: its post could not be edited, so a follow-up marks it", closed.Number, closed.CommunityId);
        }

        await messenger.SendAsync(OutboundMessage.ToChannel(closed.CommunityId, board.ChannelId, JobTexts.Closed(closed), key), cancellationToken).ConfigureAwait(false);
        return false;
    }
}
