namespace NetworkingBot.Core.Commands.Text;

/// <summary>
/// A member's name in the bot's words. Platforms allow display names that clean to nothing (only spaces, only
/// bidirectional or control characters), and "Welcome, !" reads like a bug, so such a name falls back to a mention
/// of the member, which every platform renders as their name (the console shell as @id).
/// </summary>
public static class MemberNames
{
    /// <summary>The cleaned <paramref name="displayName"/>, or a mention of <paramref name="userId"/> when it cleans to nothing.</summary>
    public static string Of(string? displayName, string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var name = MemberText.Clean(displayName ?? "");
        return name.Length > 0 ? name : $"<@{userId}>";
    }
}
