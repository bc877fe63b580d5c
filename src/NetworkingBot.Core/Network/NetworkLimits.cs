namespace NetworkingBot.Core.Network;

/// <summary>The program's fixed limits, shared by handlers, forms and tests.</summary>
public static class NetworkLimits
{
    /// <summary>The longest private note.</summary>
    public const int NoteLength = 1000;

    /// <summary>The longest reason for an introduction.</summary>
    public const int ReasonLength = 500;

    /// <summary>The longest "how we met" of a contact added by hand.</summary>
    public const int HowLength = 200;

    /// <summary>Contacts on one page of <c>/network list</c>.</summary>
    public const int PageSize = 10;

    /// <summary>Introductions one member may make in a day.</summary>
    public const int IntrosPerDay = 5;

    /// <summary>How long before the same introducer may introduce the same pair again, and between two reconnect nudges.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromDays(90);
}
