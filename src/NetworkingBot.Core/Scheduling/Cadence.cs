namespace NetworkingBot.Core.Scheduling;

/// <summary>
/// How often something recurs: a program's rounds, or how often a member wants to take part in them. It lives with
/// the schedule that reads it, so the schedule needs nothing from the programs.
/// </summary>
public enum Cadence
{
    Weekly,
    Biweekly,
    Monthly,
}
