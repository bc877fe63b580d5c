using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.JobLeads.Handlers;

/// <summary>Reads the criteria of /job subscribe, or the first problem with them.</summary>
internal static class SubscriptionInput
{
    public const int MaxLocationWords = 10;

    public static (IReadOnlyList<string> Tags, IReadOnlyList<string> Words, IReadOnlyList<JobType> Types, UserError? Error) Read(CommandRequest request)
    {
        IReadOnlyList<string> tags = [];
        if (request.Option("tags") is { } tagText)
        {
            var (parsed, error) = OptionParsers.Tags(tagText);
            if (error is not null)
            {
                return ([], [], [], new UserError(error.Code, "`tags`: " + error.Message.Replace("interests", "tags", StringComparison.Ordinal)));
            }

            tags = parsed!;
        }

        var words = request.Option("location") is { } place ? JobLeadMatcher.Words(place).Distinct(StringComparer.Ordinal).ToList() : [];
        if (words.Count > MaxLocationWords || words.Any(w => w.Length > 40))
        {
            return ([], [], [], new UserError("bad_location", $"`location`: give up to {MaxLocationWords} short place words, like `kansas,remote`."));
        }

        var types = new List<JobType>();
        foreach (var name in (request.Option("types") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (JobTypes.Parse(name) is not { } type)
            {
                return ([], [], [], new UserError("bad_type", $"`types`: `{OptionParsers.Clip(name)}` isn't a type; use {string.Join(", ", JobTypes.Names)}, separated by commas."));
            }

            types.Add(type);
        }

        return (tags, words, types.Distinct().ToList(), null);
    }

    /// <summary>The criteria in words, for replies.</summary>
    public static string Describe(JobSubscription s)
    {
        var parts = new List<string>();
        if (s.Tags.Count > 0)
        {
            parts.Add("tags " + string.Join(", ", s.Tags));
        }

        if (s.LocationWords.Count > 0)
        {
            parts.Add("places " + string.Join(", ", s.LocationWords));
        }

        if (s.Types.Count > 0)
        {
            parts.Add("types " + string.Join(", ", s.Types.Select(JobTypes.Name)));
        }

        var what = parts.Count == 0 ? "every new lead" : "leads matching " + string.Join("; ", parts);
        var how = s.Delivery == JobLeadDelivery.Instant ? "by DM as soon as they're shared" : $"in a daily digest at 09:00 ({s.TimeZone})";
        return $"{what}, {how}";
    }
}
