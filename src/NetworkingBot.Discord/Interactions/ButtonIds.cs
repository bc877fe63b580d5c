namespace NetworkingBot.Discord.Interactions;

/// <summary>
/// A button's custom_id carries the command it runs, prefixed with the guild it belongs to: a click in a DM
/// (check-ins) arrives without a guild, and the core needs the community to act in.
/// Discord caps custom_id at 100 characters.
/// </summary>
public static class ButtonIds
{
    public const int MaxLength = 100;

    /// <summary>"g{guildId} {command}", or null when that would not fit.</summary>
    public static string? Encode(string? guildId, string command)
    {
        var id = guildId is null ? command : $"g{guildId} {command}";
        return id.Length <= MaxLength ? id : null;
    }

    public static (string? GuildId, string Command) Decode(string customId)
    {
        ArgumentNullException.ThrowIfNull(customId);
        if (customId.Length > 1 && customId[0] == 'g' && customId.IndexOf(' ', StringComparison.Ordinal) is var space and > 1
            && customId.AsSpan(1, space - 1).ToString().All(char.IsAsciiDigit))
        {
            return (customId[1..space], customId[(space + 1)..]);
        }

        return (null, customId);
    }
}
