using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>The profile options shared by join and edit, and how they change a profile.</summary>
public static class ProfileInput
{
    public static readonly IReadOnlyList<OptionSpec> Options =
    [
        new("interests", "interests or specialties, comma-separated (e.g. archives,metadata)", Kind: OptionKind.Tags),
        new("tz", "your time zone, an IANA name like America/Chicago", Kind: OptionKind.TimeZone),
        new("stage", "your career stage", Choices: ProfileText.Stages),
        new("looking", "who you'd like to meet", Choices: ProfileText.Lookings),
        new("format", "how you'd like to meet", Choices: ProfileText.Formats),
        new("region", "your city or area, for in-person chats (up to 100 characters)"),
        new("cadence", "how often you'd like a chat", Choices: ProfileText.Cadences),
    ];

    public static bool AnyGiven(CommandRequest request) => Options.Any(o => request.Has(o.Name));

    /// <summary>Applies the given options to <paramref name="profile"/>; the first bad value is returned as an error.</summary>
    public static (MemberProfile? Profile, UserError? Error) Apply(MemberProfile profile, CommandRequest request)
    {
        if (request.Option("interests") is { } interests)
        {
            var (tags, error) = OptionParsers.Tags(interests);
            if (error is not null)
            {
                return (null, error);
            }

            profile = profile with { Interests = tags! };
        }

        if (request.Option("tz") is { } tz)
        {
            var (zone, error) = OptionParsers.TimeZone(tz);
            if (error is not null)
            {
                return (null, error);
            }

            profile = profile with { TimeZone = zone! };
        }

        if (request.Option("region") is { } regionText)
        {
            var (region, error) = OptionParsers.Region(regionText);
            if (error is not null)
            {
                return (null, error);
            }

            profile = profile with { Region = region };
        }

        profile = Choice(request, "stage") is { } stage ? profile with { Stage = ProfileText.ParseStage(stage) } : profile;
        profile = Choice(request, "looking") is { } looking ? profile with { LookingFor = ProfileText.ParseLooking(looking) } : profile;
        profile = Choice(request, "format") is { } format ? profile with { Format = ProfileText.ParseFormat(format) } : profile;
        profile = Choice(request, "cadence") is { } cadence ? profile with { Cadence = ProfileText.ParseCadence(cadence) } : profile;
        return (profile, null);
    }

    // Choices were checked by the dispatcher; only case and spaces need folding here.
    private static string? Choice(CommandRequest request, string name) => request.Option(name)?.Trim().ToLowerInvariant();
}
