using System.Diagnostics.CodeAnalysis;

namespace NetworkingBot.Core.Commands;

/// <summary>
/// A community on one platform: the platform and the platform's own id for it (a Discord guild, a Slack team, the
/// shell's name). <see cref="Key"/> is the stored form ("discord:123", "slack:T1", "console:local"), the one every
/// store port keys by; it is the form stored before this type existed, so no data moves.
/// It lives beside <see cref="Platform"/> in Commands, not in Abstractions, because <see cref="CommandContext"/>
/// carries it and Commands is the layer below Abstractions (Core's folders form no cycles).
/// </summary>
public readonly record struct CommunityId
{
    /// <summary>Builds the value; the native id must be non-empty and hold no whitespace (it becomes part of store keys).</summary>
    public CommunityId(Platform platform, string nativeId)
    {
        if (!Enum.IsDefined(platform))
            throw new ArgumentOutOfRangeException(nameof(platform), platform, "Not a platform.");
        if (!IsNativeId(nativeId))
            throw new ArgumentException($"'{nativeId}' is not a native community id: it must be non-empty, without whitespace.", nameof(nativeId));
        Platform = platform;
        NativeId = nativeId;
    }

    public Platform Platform { get; }

    /// <summary>The platform's own id: the guild id, the team id, the shell's name.</summary>
    public string NativeId { get; }

    /// <summary>The stored form: the platform's name in lower case, a colon, the native id.</summary>
    public string Key => PrefixOf(Platform) + ":" + NativeId;

    public override string ToString() => Key;

    /// <summary>Reads the stored form; throws where the text is not one (a stored key always is, so that is a bug).</summary>
    public static CommunityId Parse(string key) =>
        TryParse(key, out var id) ? id : throw new FormatException($"'{key}' is not a community id (platform:id, such as discord:123 or console:local).");

    /// <summary>Reads the stored form "platform:id"; false for an unknown platform, a missing or blank native id.</summary>
    public static bool TryParse([NotNullWhen(true)] string? key, out CommunityId id)
    {
        id = default;
        var colon = key?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon < 0)
            return false;
        var native = key![(colon + 1)..];
        if (!TryPlatform(key[..colon], out var platform) || !IsNativeId(native))
            return false;
        id = new CommunityId(platform, native);
        return true;
    }

    private static bool TryPlatform(string prefix, out Platform platform)
    {
        foreach (var candidate in Enum.GetValues<Platform>())
        {
            if (string.Equals(PrefixOf(candidate), prefix, StringComparison.Ordinal))
            {
                platform = candidate;
                return true;
            }
        }

        platform = default;
        return false;
    }

    // Lower case by rule, so the stored form never depends on the enum's spelling of a name.
    private static string PrefixOf(Platform platform) => platform switch
    {
        Platform.Console => "console",
        Platform.Discord => "discord",
        Platform.Slack => "slack",
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "Not a platform."),
    };

    private static bool IsNativeId(string? nativeId) =>
        !string.IsNullOrEmpty(nativeId) && !nativeId.Any(char.IsWhiteSpace);
}
