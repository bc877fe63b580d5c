using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Core.JobLeads;

namespace NetworkingBot.Testing.Builders;

/// <summary>
/// Leads, requests and offers with every free-text field at the longest length the bot accepts, made of words (so a
/// cut at a word boundary is exercised) and with each field's last word unique, so a test can see whether it was cut.
/// </summary>
public static class AtTheMaxima
{
    /// <summary>A Discord snowflake is at most 20 digits; Slack's ids are shorter.</summary>
    public const string UserId = "12345678901234567890";

    public const string OtherId = "98765432109876543210";

    /// <summary>The single-message limit of the strictest platform (Discord's message content).</summary>
    public const int OneMessage = 2000;

    /// <summary>
    /// <paramref name="length"/> characters of words ending in <paramref name="end"/>; <paramref name="lines"/> breaks
    /// them into that many lines.
    /// </summary>
    public static string Words(int length, string end, int lines = 1)
    {
        var body = string.Concat(Enumerable.Repeat("word ", length)).ToCharArray(0, length - end.Length - 1);
        for (var line = 1; line < lines; line++)
        {
            // The space nearest each line's share of the length becomes a line break.
            var at = Array.LastIndexOf(body, ' ', line * body.Length / lines);
            body[at] = '\n';
        }

        body[^1] = body[^1] is ' ' or '\n' ? 'w' : body[^1];
        return new string(body) + " " + end;
    }

    public static IReadOnlyList<string> Tags(string prefix) =>
        [.. Enumerable.Range(0, OptionParsers.MaxTags).Select(i => $"{prefix}{i}-".PadRight(OptionParsers.MaxTagLength, 'z'))];

    public static string Link() =>
        ("https://jobs.example.org/postings/metadata-librarian?utm_source=list&ref=a&id=" + new string('7', JobLeadValidator.MaxLink)).Substring(0, JobLeadValidator.MaxLink);

    public static JobLead Lead(bool anonymous = false, JobLeadStatus status = JobLeadStatus.Open)
    {
        var shared = new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);
        return new JobLead("console:test", int.MaxValue, Words(JobLeadValidator.MaxTitle, "TITLE-END"), Words(JobLeadValidator.MaxEmployer, "EMPLOYER-END"),
            Words(JobLeadValidator.MaxLocation, "LOCATION-END"), true, Link(), "key", new DateOnly(2028, 3, 4), JobType.Internship, Tags("tag"),
            Words(JobLeadValidator.MaxSalary, "SALARY-END"), Words(JobLeadValidator.MaxNote, "NOTE-END", lines: 8), anonymous, true, UserId,
            Words(100, "NAME-END"), shared, shared.AddDays(45), status, status == JobLeadStatus.Open ? null : shared.AddDays(3), null);
    }

    public static InterviewRequest Request() => new(
        "iv-12345678", "console:test", UserId, Words(100, "NAME-END"), Tags("specialty"), Words(InterviewInput.MaxLearn, "LEARN-END", lines: 5),
        "Pacific/Kiritimati", RequestStatus.Accepted, OtherId, [OtherId], 1, Why(), new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero),
        null, null, new DateTimeOffset(2026, 4, 4, 12, 0, 0, TimeSpan.Zero), 3);

    public static InterviewOffer Offer() => new(
        "console:test", OtherId, Words(100, "NAME-END"), Tags("specialty"), Words(InterviewInput.MaxRole, "ROLE-END"),
        Words(InterviewInput.MaxRole, "INSTITUTION-END"), InterviewInput.MaxCapacity, Words(InterviewInput.MaxNote, "OFFERNOTE-END", lines: 3),
        Words(InterviewInput.MaxContact, "CONTACT-END"), "Pacific/Honolulu", OfferStatus.Active, new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The match reason with every specialty shared, the longest a reason gets.</summary>
    public static string Why() => new InterviewCandidate(Offer(), Tags("specialty"), InterviewInput.MaxCapacity, 0, 0).Why;
}
