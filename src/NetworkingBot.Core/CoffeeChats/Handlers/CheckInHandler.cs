using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.CoffeeChats.Handlers;

/// <summary>/coffee checkin: the answer behind the check-in buttons (also typeable).</summary>
public sealed class CheckInHandler(CheckInService checkIns) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("coffee", "checkin", "answer a round's check-in (the buttons in your DM do this for you)",
    [
        new("round", "the round id from the check-in message", Required: true),
        new("answer", "how it went", Required: true, Choices: ["met", "scheduled", "not-this-time"]),
    ]);

    public Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var answer = request.Option("answer")!.Trim().ToLowerInvariant() switch
        {
            "met" => CheckInAnswer.Met,
            "scheduled" => CheckInAnswer.Scheduled,
            _ => CheckInAnswer.NotThisTime,
        };
        return checkIns.AnswerAsync(context, request.Option("round")!.Trim(), answer, cancellationToken);
    }
}
