using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Text;
using NetworkingBot.Core.Scheduling;

namespace NetworkingBot.Core.CoffeeChats.Handlers;

/// <summary>/coffee join: opt in with a profile. Anything not given gets a sensible default the member can edit.</summary>
public sealed class JoinHandler(IMemberStore members, ICoffeeScheduleStore programs, TimeProvider time) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new(
        "coffee", "join", "join coffee chats with your profile", ProfileInput.Options,
        Example: "/coffee join interests:archives,metadata tz:America/Chicago stage:student looking:mentor format:virtual cadence:weekly region:\"Kansas City\"")
    {
        Form = JoinForm.Spec,
    };

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var existing = await members.GetAsync(context.CommunityId, context.Actor.Id, cancellationToken).ConfigureAwait(false);
        if (existing is { Status: MemberStatus.Active })
        {
            return CommandResult.Fail("already_joined", "You're already in coffee chats. Use `/coffee profile` to see your profile or `/coffee edit` to change it.");
        }

        var program = await programs.GetAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        var defaults = new MemberProfile([], program?.TimeZone ?? "UTC", CareerStage.Unspecified, LookingFor.Any, MeetingFormat.Virtual, null, Cadence.Weekly);
        var (profile, error) = ProfileInput.Apply(existing?.Profile ?? defaults, request);
        if (error is not null)
        {
            return CommandResult.Fail(error);
        }

        var member = new Member(context.CommunityId, context.Actor.Id, MemberText.Clean(context.Actor.DisplayName), profile!, MemberStatus.Active,
            time.GetUtcNow(), null, false, 0, existing?.LastRoundAt);
        await members.UpsertAsync(member, cancellationToken).ConfigureAwait(false);

        var next = program is null
            ? "Coffee chats aren't scheduled here yet; an organiser can start them with `/coffee setup`."
            : "You'll be in the next round. `/coffee status` shows when that is.";
        var tzHint = request.Has("tz") ? string.Empty : $"\nI set your time zone to {profile!.TimeZone}; change it with `/coffee edit tz:Your/Zone`.";
        return CommandResult.Ok($"Welcome to coffee chats, {MemberNames.Of(context.Actor.DisplayName, context.Actor.Id)}! Your profile: {ProfileText.Describe(profile!)}.{tzHint}\n{next}");
    }
}
