using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using NetworkingBot.Slack.Api;
using NetworkingBot.Slack.Rendering;

namespace NetworkingBot.Slack.Interactions;

/// <summary>
/// Delivers an answer that did not go in the ack (too slow, too large, or a click): through the response_url when
/// there is one and the answer fits in its five posts, otherwise as direct messages to the member, in parts that each
/// fit one Slack message, so no answer is lost for being long.
/// </summary>
internal sealed class LateReplies(ISlackApi api, SlackMessenger messenger, ILogger<LateReplies> logger)
{
    public async Task DeliverAsync(Uri? responseUrl, SlackActor actor, JsonObject answer, CancellationToken cancellationToken)
    {
        var parts = MessageParts.Split(answer);
        if (responseUrl is not null && parts.Count <= SlackLimits.ResponseUrlPosts)
        {
            foreach (var part in parts)
            {
                await api.RespondAsync(responseUrl, part, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (actor.UserId.Length == 0)
        {
            logger.LogWarning("An answer in {Parts} parts has no response_url and no member to send it to; dropping it", parts.Count);
            return;
        }

        if (responseUrl is not null)
        {
            var note = BlockKit.Ephemeral(Core.Commands.CommandResult.Ok($"That answer is long, so I've sent it to you as {parts.Count} direct messages."));
            await api.RespondAsync(responseUrl, note, cancellationToken).ConfigureAwait(false);
        }

        await messenger.PostToUserAsync(actor.UserId, parts, cancellationToken).ConfigureAwait(false);
    }
}
