namespace NetworkingBot.Core.Network;

/// <summary>What a forgotten member becomes in others' logs.</summary>
public static class NetworkForgetting
{
    /// <summary>What a log shows instead of a forgotten member's name.</summary>
    public const string FormerMemberName = "a former member";

    /// <summary>
    /// A fresh id that stands in for a forgotten member in others' logs: it matches no member (the prefix carries a
    /// character no platform uses in ids) and is unique, so two forgotten members never collide in one log.
    /// </summary>
    public static string Placeholder() => "former#" + Guid.NewGuid().ToString("N");
}
