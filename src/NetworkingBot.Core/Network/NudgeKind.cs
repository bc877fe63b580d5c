namespace NetworkingBot.Core.Network;

/// <summary>The follow-up nudges the program sends, each a stored due step.</summary>
public enum NudgeKind
{
    /// <summary>The morning after a meeting: "Did you thank Sam?"</summary>
    ThankYou,

    /// <summary>A month after a meeting: share something useful.</summary>
    MonthLater,

    /// <summary>Ninety days of silence: "You last spoke with Sam on 3 March."</summary>
    Reconnect,
}
