using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Text;

namespace NetworkingBot.Core.Network.Handlers;

/// <summary>
/// /intro: introduces two members to each other with a reason. Both must be opted in here and accept intros; the
/// message goes as one group DM where the platform has them, else as a DM to each; both logs record it.
/// </summary>
public sealed class IntroHandler(INetworkStore store, MemberOption members, NetworkLog log, IMessenger messenger, TimeProvider time) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("intro", IntroCommand.Make, "introduce two members to each other",
    [
        new("first", "one member", Required: true, Kind: OptionKind.User),
        new("second", "the other member", Required: true, Kind: OptionKind.User),
        new("because", $"why they should talk, up to {NetworkLimits.ReasonLength} characters", Required: true),
    ], Example: "/intro first:@ana second:@lee because:\"you both run oral-history projects\"");

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var (because, reasonError) = MemberText.Read("because", request.Option("because"), NetworkLimits.ReasonLength, multiline: true);
        if (reasonError is not null)
        {
            return CommandResult.Fail(reasonError);
        }

        if (because is null)
        {
            return CommandResult.Fail("because_missing", "Say why they should talk: `because:\"...\"`. Nothing was sent.");
        }

        var (first, firstError) = await members.ReadAsync(context, request, "first", cancellationToken).ConfigureAwait(false);
        if (first is null)
        {
            return CommandResult.Fail(firstError!);
        }

        var (second, secondError) = await members.ReadAsync(context, request, "second", cancellationToken).ConfigureAwait(false);
        if (second is null)
        {
            return CommandResult.Fail(secondError!);
        }

        if (first.UserId == second.UserId)
        {
            return CommandResult.Fail("intro_same_member", "Name two different members. Nothing was sent.");
        }

        if (await members.FindSelfAsync(context, cancellationToken).ConfigureAwait(false) is not { } introducer)
        {
            return CommandResult.Fail("not_opted_in", "Introductions are made by members of a program here (`/coffee join`, for one). Nothing was sent.");
        }

        foreach (var person in new[] { first, second })
        {
            if (!(await store.GetSettingsAsync(context.CommunityId, person.UserId, cancellationToken).ConfigureAwait(false)).IntrosOn)
            {
                return CommandResult.Fail("intros_off", $"{person.DisplayName} has turned introductions off. Nothing was sent.");
            }
        }

        var now = time.GetUtcNow();
        var recent = await store.ListIntrosSinceAsync(context.CommunityId, introducer.UserId, now - NetworkLimits.QuietPeriod, cancellationToken).ConfigureAwait(false);
        if (IntroRules.Check(recent, first.UserId, second.UserId, now) is { } limit)
        {
            return CommandResult.Fail(limit);
        }

        await store.AddIntroAsync(new IntroRecord(context.CommunityId, introducer.UserId, first.UserId, second.UserId, now), cancellationToken).ConfigureAwait(false);
        await SendAsync(context.CommunityId, introducer, first, second, because, now, cancellationToken).ConfigureAwait(false);
        await log.RecordBothAsync(context.CommunityId, first.UserId, second.UserId, $"introduced by @{introducer.UserId}", now, planned: true, cancellationToken).ConfigureAwait(false);
        return CommandResult.Ok($"Introduced {first.DisplayName} and {second.DisplayName}. I'll tell you privately when either says they'll reach out.");
    }

    private async Task SendAsync(string communityId, NetworkPerson introducer, NetworkPerson first, NetworkPerson second, string because, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = $"intro:{introducer.UserId}:{first.UserId}:{second.UserId}:{now.UtcTicks}";
        if (messenger.SupportsGroups(communityId))
        {
            var text = IntroTexts.Together(introducer, first, second, because);
            await messenger.SendAsync(OutboundMessage.ToGroup(communityId, [introducer.UserId, first.UserId, second.UserId], text, key,
                IntroTexts.Buttons(introducer.UserId)), cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var (to, other) in new[] { (first, second), (second, first) })
        {
            await messenger.SendAsync(OutboundMessage.ToUser(communityId, to.UserId, IntroTexts.ToOne(introducer, other, because), $"{key}:{to.UserId}",
                IntroTexts.Buttons(introducer.UserId)), cancellationToken).ConfigureAwait(false);
        }
    }
}
