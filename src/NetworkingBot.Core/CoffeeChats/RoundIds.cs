using System.Globalization;
using System.Text;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>Slot keys and seeds: both derived from what the round is, so a retry computes the same values.</summary>
public static class RoundIds
{
    public static string ScheduledSlot(DateTimeOffset at) =>
        "scheduled:" + at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    public static string ManualSlot(DateTimeOffset at) =>
        "manual:" + at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static bool IsManual(string slotKey) => slotKey.StartsWith("manual:", StringComparison.Ordinal);

    /// <summary>The round's random seed: FNV-1a of community and slot, stable across processes and machines.</summary>
    public static int Seed(string communityId, string slotKey)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var b in Encoding.UTF8.GetBytes(communityId + "|" + slotKey))
            {
                hash = (hash ^ b) * 16777619u;
            }

            return (int)(hash & 0x7FFFFFFF);
        }
    }

    public static string NewRoundId() => "r" + Guid.NewGuid().ToString("N")[..12];
}
