using System.Globalization;
using System.Text.Json.Serialization;
using NetworkingBot.Core.Network;

namespace NetworkingBot.Storage.Redis;

/// <summary>
/// A log entry as stored: instants as 19-digit tick text, so the scripts (Lua, whose numbers are doubles) compare
/// them as strings, and <see cref="Idx"/>, its member in the owner's recent set, so a script can move it.
/// </summary>
internal sealed record ContactRow(
    [property: JsonPropertyName("how")] string How,
    [property: JsonPropertyName("first")] string First,
    [property: JsonPropertyName("last")] string Last,
    [property: JsonPropertyName("rem")] bool Rem,
    [property: JsonPropertyName("plan")] bool Plan,
    [property: JsonPropertyName("former")] bool Former,
    [property: JsonPropertyName("idx")] string Idx)
{
    public static ContactRow From(NetworkContact c) =>
        new(c.How, Ticks(c.FirstMet), Ticks(c.LastSpoke), c.RemindersOn, c.Planned, c.FormerMember, RecentMember(c.LastSpoke, c.OtherId));

    public NetworkContact ToContact(string communityId, string ownerId, string otherId) =>
        new(communityId, ownerId, otherId, How, Instant(First), Instant(Last), Rem, Plan, Former);

    /// <summary>The member in the recent set: inverted ticks so ascending text is most recent first.</summary>
    public static string RecentMember(DateTimeOffset lastSpoke, string otherId) =>
        (long.MaxValue - lastSpoke.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + ":" + otherId;

    public static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    public static DateTimeOffset Instant(string ticks) => new(long.Parse(ticks, CultureInfo.InvariantCulture), TimeSpan.Zero);
}

/// <summary>A note as stored in its author's list; the author and community are in the key.</summary>
internal sealed record NoteRow(
    [property: JsonPropertyName("other")] string Other,
    [property: JsonPropertyName("at")] string At,
    [property: JsonPropertyName("text")] string Text);

/// <summary>What identifies a nudge in the due set, after its due ticks.</summary>
internal sealed record NudgeKey(
    [property: JsonPropertyName("c")] string Community,
    [property: JsonPropertyName("o")] string Owner,
    [property: JsonPropertyName("x")] string Other,
    [property: JsonPropertyName("k")] NudgeKind Kind)
{
    public static string Member(NetworkNudge n) =>
        ContactRow.Ticks(n.DueAt) + ":" + RedisJson.Write(new NudgeKey(n.CommunityId, n.OwnerId, n.OtherId, n.Kind));

    public static string Field(NudgeKind kind, string otherId) => kind + ":" + otherId;

    public static NetworkNudge Read(string member)
    {
        var colon = member.IndexOf(':', StringComparison.Ordinal);
        var key = RedisJson.Read<NudgeKey>(member[(colon + 1)..]);
        return new NetworkNudge(key.Community, key.Owner, key.Other, key.Kind, ContactRow.Instant(member[..colon]));
    }
}
