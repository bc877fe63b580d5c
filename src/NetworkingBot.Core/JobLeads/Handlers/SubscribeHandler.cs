using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.JobLeads.Handlers;

/// <summary>/job subscribe: what leads a member wants to hear of, and how. Subscribing again replaces the criteria.</summary>
public sealed class SubscribeHandler(IJobLeadStore store, MemberZones zones, TimeProvider time) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("job", "subscribe", "get matching job leads by DM, instantly or daily",
    [
        new("tags", "any of these tags, like cataloging,archives", Kind: OptionKind.Tags),
        new("location", "any of these place words, like \"kansas city,remote\""),
        new("types", "any of these types, like full-time,fellowship"),
        new("delivery", "instant DMs or one daily digest", Choices: ["instant", "daily"]),
        new("tz", "your time zone for the daily digest (default: your coffee-chat one, or the board's)", Kind: OptionKind.TimeZone),
    ], Example: "/job subscribe tags:metadata,cataloging location:remote delivery:daily");

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        if (await store.GetBoardAsync(context.CommunityId, cancellationToken).ConfigureAwait(false) is null)
        {
            return CommandResult.Fail("no_board", "Job leads aren't set up here yet: an organiser needs to run `/job setup channel:#jobs` first.");
        }

        var (tags, words, types, error) = SubscriptionInput.Read(request);
        if (error is not null)
        {
            return CommandResult.Fail(error);
        }

        string zone;
        if (request.Option("tz") is { } tz)
        {
            var (parsed, zoneError) = OptionParsers.TimeZone(tz);
            if (zoneError is not null)
            {
                return CommandResult.Fail(zoneError);
            }

            zone = parsed!;
        }
        else
        {
            zone = (await zones.OfAsync(context.CommunityId, context.Actor.Id, cancellationToken).ConfigureAwait(false)).Id;
        }

        var now = time.GetUtcNow();
        var delivery = request.Option("delivery")?.Trim().ToLowerInvariant() == "daily" ? JobLeadDelivery.Daily : JobLeadDelivery.Instant;
        var previous = await store.GetSubscriptionAsync(context.CommunityId, context.Actor.Id, cancellationToken).ConfigureAwait(false);
        var subscription = new JobSubscription(context.CommunityId, context.Actor.Id, tags, words, types, delivery, zone,
            previous?.CreatedAt ?? now, previous?.LastDigestAt ?? now);
        await store.UpsertSubscriptionAsync(subscription, cancellationToken).ConfigureAwait(false);
        var verb = previous is null ? "You're subscribed" : "Your subscription is updated";
        return CommandResult.Ok($"{verb}: {SubscriptionInput.Describe(subscription)}. Leads you share yourself are never sent to you, and no lead twice. `/job unsubscribe` stops it.");
    }
}
