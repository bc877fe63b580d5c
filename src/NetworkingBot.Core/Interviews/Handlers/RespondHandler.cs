using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Interviews.Handlers;

/// <summary>/interview respond: the volunteer's Accept / Decline (the buttons in the DM run it).</summary>
public sealed class RespondHandler(InterviewResponses responses) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("interview", "respond", "accept or decline an interview request (the buttons in your DM do this)",
    [
        new("request", "the request id from the DM", Required: true),
        new("answer", "your answer", Required: true, Choices: ["accept", "decline"]),
    ]);

    public Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken) =>
        responses.RespondAsync(context, request.Option("request")!.Trim(),
            string.Equals(request.Option("answer")!.Trim(), "accept", StringComparison.OrdinalIgnoreCase) ? VolunteerAnswer.Accept : VolunteerAnswer.Decline, cancellationToken);
}

/// <summary>/interview followup: the requester's answer to "Did it happen?" (the buttons run it).</summary>
public sealed class FollowUpHandler(InterviewResponses responses) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("interview", "followup", "say whether your interview happened (the buttons in your DM do this)",
    [
        new("request", "the request id from the DM", Required: true),
        new("answer", "what happened", Required: true, Choices: ["done", "not-yet", "fell-through"]),
    ]);

    public Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken) =>
        responses.FollowUpAsync(context, request.Option("request")!.Trim(), request.Option("answer")!.Trim().ToLowerInvariant() switch
        {
            "done" => FollowUpAnswer.Done,
            "not-yet" => FollowUpAnswer.NotYet,
            _ => FollowUpAnswer.FellThrough,
        }, cancellationToken);
}
