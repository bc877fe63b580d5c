namespace NetworkingBot.Core.CoffeeChats;

/// <summary>Coffee-chat settings that are the operator's, not an organiser's (section "Coffee" of the config).</summary>
public sealed class CoffeeOptions
{
    public const string Section = "Coffee";

    /// <summary>Check-in delay for new programs, in days after the round.</summary>
    public int DefaultCheckInAfterDays { get; set; } = 4;

    /// <summary>How many unanswered check-ins in a row pause a member.</summary>
    public int IgnoredCheckInsBeforePause { get; set; } = 3;

    /// <summary>A round missed while the bot was down still runs at start if it is at most this late.</summary>
    public TimeSpan MissedRoundGrace { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How long a message the platform says it does not have, after an interrupted send, is given to arrive before it
    /// is sent again (a request already on the wire can land after the look-up). Real time; 0 turns the wait off.
    /// </summary>
    public TimeSpan ResendGrace { get; set; } = TimeSpan.FromSeconds(3);
}
