using System.Globalization;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Text;

namespace NetworkingBot.Core.Interviews;

/// <summary>
/// The words of interview DMs. Mentions use &lt;@id&gt;, which Discord and Slack render as names. Texts for the
/// requester never name a volunteer before that volunteer accepted: identities go only to the matched requester.
/// Every text stays one readable message with every field at its maximum: the volunteer's request DM
/// (<see cref="AskVolunteer"/>) quotes what the requester wants to learn in full, since that is what the volunteer
/// decides on; the intros after it quote only its opening (<see cref="LearnExcerpt"/>), and a long list of
/// specialties is named in part (<see cref="TopicLimit"/>).
/// </summary>
public static class InterviewTexts
{
    /// <summary>How much of "what they want to learn" an intro repeats: the volunteer read all of it when asked.</summary>
    public const int LearnExcerpt = 200;

    /// <summary>How many lines of it an intro repeats.</summary>
    public const int LearnExcerptLines = 3;

    /// <summary>
    /// The longest topic ("archives, law, …") a text names: ten 40-character specialties would make every headline
    /// a paragraph, and the requester knows what they asked about.
    /// </summary>
    public const int TopicLimit = 120;

    private static readonly string[] GeneralQuestions =
    [
        "What does a typical week look like in your role?",
        "How did you get into this specialty, and what would you do the same way again?",
        "Which skills or courses have mattered most, and which less than you expected?",
        "What do hiring managers in this area look for in a new colleague?",
        "Who else would you suggest I talk to?",
    ];

    private static readonly Dictionary<string, string> TopicQuestions = new(StringComparer.Ordinal)
    {
        ["archives"] = "How do you balance processing backlogs against access requests?",
        ["law"] = "How much legal background did you need, and how did you get it?",
        ["systems"] = "Which systems and scripting skills do you use every week?",
        ["metadata"] = "Which standards do you work with most, and how did you learn them?",
        ["cataloging"] = "How has cataloguing work changed with linked data?",
        ["reference"] = "What makes a reference interview go well?",
        ["digital-preservation"] = "How do you decide what to preserve, and in which formats?",
    };

    public static string Mention(string userId) => $"<@{userId}>";

    public static string Norms(IReadOnlyList<string> specialties)
    {
        var questions = specialties.Where(TopicQuestions.ContainsKey).Select(s => TopicQuestions[s]).Concat(GeneralQuestions).Take(4);
        return "The norms: keep it to 15-20 minutes; the requester comes with 3-5 questions; a thank-you within 24 hours.\n"
            + "Suggested questions:\n" + string.Join('\n', questions.Select(q => "• " + q));
    }

    /// <summary>The specialties asked about, as many as fit in <see cref="TopicLimit"/>, then how many more ("and 3 more").</summary>
    public static string Topic(InterviewRequest request)
    {
        var all = string.Join(", ", request.Specialties);
        if (all.Length <= TopicLimit)
        {
            return all;
        }

        var named = new List<string>();
        foreach (var specialty in request.Specialties)
        {
            var more = $" and {request.Specialties.Count - named.Count - 1} more";
            if (string.Join(", ", named.Append(specialty)).Length + more.Length > TopicLimit)
            {
                break;
            }

            named.Add(specialty);
        }

        // The first is always named, even alone past the limit: a specialty is at most 40 characters.
        if (named.Count == 0)
        {
            named.Add(request.Specialties[0]);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", named)} and {request.Specialties.Count - named.Count} more");
    }

    public static string AskVolunteer(InterviewRequest request, string why, TimeSpan answerWithin) =>
        $"🎓 Interview request: {Mention(request.RequesterId)} would like 15-20 minutes with you about {Topic(request)}.\n"
        + $"What they want to learn: \"{request.Learn}\"\nWhy you: {why}.\n"
        + $"Please accept or decline within {Hours(answerWithin)}; if you decline, they won't be told who you are.";

    public static ButtonSpec[] AskButtons(string requestId) =>
    [
        new("Accept", $"/interview respond request:{requestId} answer:accept", ButtonStyle.Success),
        new("Decline", $"/interview respond request:{requestId} answer:decline", ButtonStyle.Secondary),
    ];

    public static string Asked(InterviewRequest request, string why, string? previous, TimeSpan answerWithin) =>
        (previous is null ? "" : previous + " ")
        + $"I've asked a volunteer for your interview about {Topic(request)} ({why}). They have {Hours(answerWithin)} to answer; I'll tell you how it goes.";

    public const string PreviousDeclined = "The volunteer I asked can't take it this time.";

    public static string PreviousTimedOut(TimeSpan answerWithin) => $"The volunteer I asked didn't answer within {Hours(answerWithin)}.";

    /// <summary>The first time a request waits it is kept for the whole period; later waits name the day it ends.</summary>
    public static string NobodyAvailable(InterviewRequest request, string? previous, TimeSpan keep, bool firstWait) =>
        (previous is null ? "" : previous + " ")
        + $"Nobody is available for {Topic(request)} right now; we'll keep your request "
        + (firstWait ? $"for {Days(keep)} days" : $"until {request.WaitUntil:yyyy-MM-dd}") + " and try again when a volunteer frees up.";

    public static string Expired(InterviewRequest request, TimeSpan keep) =>
        $"I'm sorry: in {Days(keep)} days no volunteer for {Topic(request)} became available, so I've closed your request `{request.RequestId}`. You're welcome to ask again with `/interview request`.";

    public static string TooLateForVolunteer(InterviewRequest request) =>
        $"No worries: {Mention(request.RequesterId)}'s request about {Topic(request)} has gone to another volunteer, so there's nothing more to do.";

    public static string WithdrawnForVolunteer(InterviewRequest request) =>
        $"{Mention(request.RequesterId)} cancelled their interview request about {Topic(request)}; there's nothing more to do. Thank you for volunteering!";

    public static string IntroForRequester(InterviewRequest request, InterviewOffer offer) =>
        $"🎉 {Mention(offer.UserId)} ({Who(offer)}) accepted your informational interview about {Topic(request)}.\n"
        + (offer.Note is null ? "" : $"Their note: \"{offer.Note}\"\n")
        + $"How to reach them: {offer.Contact ?? "a direct message here"}. Suggest two or three times that suit you.\n" + Norms(request.Specialties);

    public static string IntroForVolunteer(InterviewRequest request) =>
        $"🎉 You're meeting {Mention(request.RequesterId)} for a 15-20 minute informational interview about {Topic(request)}.\n"
        + $"What they want to learn: \"{Learned(request)}\"\nThey'll reach out to set a time.\n" + Norms(request.Specialties);

    public static string IntroForGroup(InterviewRequest request, InterviewOffer offer) =>
        $"🎉 {Mention(request.RequesterId)}, meet {Mention(offer.UserId)} ({Who(offer)}), who accepted your informational interview about {Topic(request)}.\n"
        + $"What {Mention(request.RequesterId)} wants to learn: \"{Learned(request)}\"\n"
        + (offer.Note is null ? "" : $"{Mention(offer.UserId)}'s note: \"{offer.Note}\"\n")
        + $"Preferred contact: {offer.Contact ?? "this conversation"}. Agree a time right here.\n" + Norms(request.Specialties);

    public static string FollowUp(InterviewRequest request) =>
        $"Did your informational interview about {Topic(request)} with {Mention(request.VolunteerId!)} happen?";

    public static ButtonSpec[] FollowUpButtons(string requestId) =>
    [
        new("Done", $"/interview followup request:{requestId} answer:done", ButtonStyle.Success),
        new("Not yet", $"/interview followup request:{requestId} answer:not-yet", ButtonStyle.Secondary),
        new("It fell through", $"/interview followup request:{requestId} answer:fell-through", ButtonStyle.Danger),
    ];

    /// <summary>
    /// The answer to "Done": the meeting is in both network logs, whose nudges (the thank-you the next morning, a
    /// month later, after 90 quiet days) replace the interview program's own.
    /// </summary>
    public static string Met(InterviewRequest request) =>
        $"Wonderful! You and {Mention(request.VolunteerId!)} are now in each other's network log (`/network list`). A short thank-you today is remembered: one thing you learned and one thing you'll do with it; I'll remind you tomorrow morning.";

    private static string Learned(InterviewRequest request) => Excerpt.Of(request.Learn, LearnExcerpt, LearnExcerptLines);

    private static string Days(TimeSpan span) => span.TotalDays.ToString("0", CultureInfo.InvariantCulture);

    private static string Who(InterviewOffer offer) => offer.Institution is null ? offer.Role : $"{offer.Role}, {offer.Institution}";

    private static string Hours(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0} hours");
}
