using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Network.Handlers;

/// <summary>
/// An introduced member's answer to an introduction's buttons: "Thanks, I'll reach out" tells the introducer
/// privately; "Not now" tells nobody.
/// </summary>
public sealed class IntroAnswerHandler(INetworkStore store, INetworkDirectory directory, IMessenger messenger, TimeProvider time) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("intro", IntroCommand.Answer, "answer an introduction (the buttons in the introduction do this for you)",
    [
        new("introducer", "who introduced you", Required: true, Kind: OptionKind.User),
        new("reply", "yes or no", Required: true, Choices: ["yes", "no"]),
    ], Example: "/intro answer introducer:@sam reply:yes");

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var introducerId = MemberOption.IdOf(request, "introducer") ?? "";
        var me = context.Actor.Id;
        var recent = await store.ListIntrosSinceAsync(context.CommunityId, introducerId, time.GetUtcNow() - NetworkLimits.QuietPeriod, cancellationToken).ConfigureAwait(false);
        var intro = recent.LastOrDefault(i => i.FirstId == me || i.SecondId == me);
        if (intro is null)
        {
            return CommandResult.Fail("no_such_intro", "I can't find that introduction any more. Nothing changed.");
        }

        if (request.Option("reply") != "yes")
        {
            return CommandResult.Ok("Okay, not now. Nobody is told.");
        }

        var otherId = intro.FirstId == me ? intro.SecondId : intro.FirstId;
        var other = await directory.FindAsync(context.CommunityId, otherId, cancellationToken).ConfigureAwait(false);
        if (await directory.FindAsync(context.CommunityId, introducerId, cancellationToken).ConfigureAwait(false) is not null)
        {
            await messenger.SendAsync(OutboundMessage.ToUser(context.CommunityId, introducerId,
                $"{Commands.Text.MemberText.Clean(context.Actor.DisplayName)} will reach out to {other?.DisplayName ?? "the other member"} after your introduction. Thank you!",
                $"intro:{introducerId}:{intro.FirstId}:{intro.SecondId}:{intro.At.UtcTicks}:accepted:{me}"), cancellationToken).ConfigureAwait(false);
        }

        return CommandResult.Ok($"Great: reach out to {other?.DisplayName ?? "them"} when you can. I've let the introducer know.");
    }
}
