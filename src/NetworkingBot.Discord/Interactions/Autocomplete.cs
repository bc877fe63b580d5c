using System.Text.Json.Nodes;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Interviews;

namespace NetworkingBot.Discord.Interactions;

/// <summary>
/// Suggestions while a member types: IANA time zones for time-zone options, and for interest lists the
/// interests and volunteered specialties already used in the community plus common library specialties, completing the last tag typed.
/// </summary>
public sealed class Autocomplete(IMemberStore members, IInterviewStore? interviews = null)
{
    private const int MaxChoices = 25;
    private const int MaxValue = 100;

    private static readonly string[] CommonInterests =
    [
        "academic-libraries", "access-services", "acquisitions", "archives", "cataloging", "collection-development",
        "data", "digital-humanities", "digital-preservation", "instruction", "law", "medical", "metadata",
        "museum", "outreach", "public-libraries", "records-management", "reference", "rare-books",
        "scholarly-communication", "school-libraries", "special-collections", "systems", "ux", "youth-services",
    ];

    private static readonly Lazy<string[]> Zones = new(() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC").Order(StringComparer.Ordinal)]);

    public async Task<JsonArray> SuggestAsync(OptionKind kind, string communityId, string typed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var values = kind switch
        {
            OptionKind.TimeZone => TimeZones(typed),
            OptionKind.Tags => await TagsAsync(communityId, typed, cancellationToken).ConfigureAwait(false),
            _ => [],
        };
        return new JsonArray([.. values.Where(v => v.Length is > 0 and <= MaxValue).Take(MaxChoices)
            .Select(v => (JsonNode)new JsonObject { ["name"] = v, ["value"] = v })]);
    }

    private static List<string> TimeZones(string typed)
    {
        var query = typed.Trim().Replace(' ', '_');
        return [.. Zones.Value.Where(z => z.StartsWith(query, StringComparison.OrdinalIgnoreCase))
            .Concat(Zones.Value.Where(z => z.Contains(query, StringComparison.OrdinalIgnoreCase)))
            .Distinct(StringComparer.Ordinal)];
    }

    private async Task<List<string>> TagsAsync(string communityId, string typed, CancellationToken cancellationToken)
    {
        var parts = typed.Split(',');
        var done = parts[..^1].Select(p => p.Trim().ToLowerInvariant()).Where(p => p.Length > 0).ToList();
        var partial = parts[^1].Trim().ToLowerInvariant();
        // Volunteers' specialties too: a member asking for an interview sees what someone can talk about.
        var offered = interviews is null ? [] : (await interviews.ListOffersAsync(communityId, cancellationToken).ConfigureAwait(false))
            .Where(o => o.Status == OfferStatus.Active).SelectMany(o => o.Specialties);
        var used = (await members.ListAsync(communityId, cancellationToken).ConfigureAwait(false))
            .SelectMany(m => m.Profile.Interests)
            .Concat(offered)
            .GroupBy(i => i, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key);
        var prefix = done.Count == 0 ? "" : string.Join(',', done) + ",";
        return [.. used.Concat(CommonInterests)
            .Distinct(StringComparer.Ordinal)
            .Where(i => !done.Contains(i) && i.Contains(partial, StringComparison.Ordinal))
            .OrderBy(i => i.StartsWith(partial, StringComparison.Ordinal) ? 0 : 1)
            .Select(i => prefix + i)];
    }
}
