using NetworkingBot.Core.Scheduling;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>The words members type and read for profile values, both ways.</summary>
public static class ProfileText
{
    public static readonly IReadOnlyList<string> Stages = ["student", "early-career", "mid-career", "senior", "retired"];
    public static readonly IReadOnlyList<string> Lookings = ["peer", "mentor", "mentee", "any"];
    public static readonly IReadOnlyList<string> Formats = ["virtual", "in-person", "either"];
    public static readonly IReadOnlyList<string> Cadences = ["weekly", "biweekly", "monthly"];

    /// <summary>Suggested tags (free tags are allowed too); adapters offer them as autocomplete.</summary>
    public static readonly IReadOnlyList<string> SuggestedInterests =
    [
        "cataloging", "metadata", "archives", "digital-preservation", "reference", "instruction", "youth-services",
        "academic", "public", "school", "special", "law", "medical", "museum", "systems", "data", "leadership",
    ];

    public static string Of(CareerStage v) => v switch
    {
        CareerStage.Student => "student",
        CareerStage.EarlyCareer => "early-career",
        CareerStage.MidCareer => "mid-career",
        CareerStage.Senior => "senior",
        CareerStage.Retired => "retired",
        _ => "not given",
    };

    public static string Of(LookingFor v) => v switch
    {
        LookingFor.Peer => "peer",
        LookingFor.Mentor => "mentor",
        LookingFor.Mentee => "mentee",
        _ => "any",
    };

    public static string Of(MeetingFormat v) => v switch
    {
        MeetingFormat.InPerson => "in-person",
        MeetingFormat.Either => "either",
        _ => "virtual",
    };

    public static string Of(Cadence v) => v switch
    {
        Cadence.Biweekly => "biweekly",
        Cadence.Monthly => "monthly",
        _ => "weekly",
    };

    public static CareerStage ParseStage(string s) => s switch
    {
        "student" => CareerStage.Student,
        "early-career" => CareerStage.EarlyCareer,
        "mid-career" => CareerStage.MidCareer,
        "senior" => CareerStage.Senior,
        "retired" => CareerStage.Retired,
        _ => CareerStage.Unspecified,
    };

    public static LookingFor ParseLooking(string s) => s switch
    {
        "peer" => LookingFor.Peer,
        "mentor" => LookingFor.Mentor,
        "mentee" => LookingFor.Mentee,
        _ => LookingFor.Any,
    };

    public static MeetingFormat ParseFormat(string s) => s switch
    {
        "in-person" => MeetingFormat.InPerson,
        "either" => MeetingFormat.Either,
        _ => MeetingFormat.Virtual,
    };

    public static Cadence ParseCadence(string s) => s switch
    {
        "biweekly" => Cadence.Biweekly,
        "monthly" => Cadence.Monthly,
        _ => Cadence.Weekly,
    };

    /// <summary>The profile as a short multi-line block, for "profile", intros and previews.</summary>
    public static string Describe(MemberProfile p)
    {
        var interests = p.Interests.Count == 0 ? "none yet" : string.Join(", ", p.Interests);
        var region = string.IsNullOrWhiteSpace(p.Region) ? "not given" : p.Region;
        return $"interests: {interests} · career stage: {Of(p.Stage)} · looking for: {Of(p.LookingFor)} · format: {Of(p.Format)} · region: {region} · time zone: {p.TimeZone} · cadence: {Of(p.Cadence)}";
    }
}
