using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Network;

/// <summary>What an introduction says, to both at once or to each.</summary>
public static class IntroTexts
{
    /// <summary>The group message: the introducer, the reason and each one's profile line.</summary>
    public static string Together(NetworkPerson introducer, NetworkPerson first, NetworkPerson second, string because)
    {
        ArgumentNullException.ThrowIfNull(introducer);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return $"{introducer.DisplayName} would like to introduce you two.\nWhy: {because}\n• {first.DisplayName}: {first.ProfileLine}\n• {second.DisplayName}: {second.ProfileLine}";
    }

    /// <summary>The message to one of the two: the introducer, the reason and the other's profile line.</summary>
    public static string ToOne(NetworkPerson introducer, NetworkPerson other, string because)
    {
        ArgumentNullException.ThrowIfNull(introducer);
        ArgumentNullException.ThrowIfNull(other);
        return $"{introducer.DisplayName} would like to introduce you to {other.DisplayName}.\nWhy: {because}\n• {other.DisplayName}: {other.ProfileLine}";
    }

    /// <summary>[Thanks, I'll reach out] [Not now]; the answer finds the introduction by who presses.</summary>
    public static ButtonSpec[] Buttons(string introducerId) =>
    [
        new("Thanks, I'll reach out", $"/intro {IntroCommand.Answer} introducer:{introducerId} reply:yes", ButtonStyle.Primary),
        new("Not now", $"/intro {IntroCommand.Answer} introducer:{introducerId} reply:no"),
    ];
}
