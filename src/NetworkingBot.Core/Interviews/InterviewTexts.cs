using System.Globalization;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Interviews;

/// <summary>
/// The words of interview DMs. Mentions use &lt;@id&gt;, which Discord and Slack render as names. Texts for the
/// requester never name a volunteer before that volunteer accepted: identities go only to the matched requester.
/// </summary>
public static class InterviewTexts
{
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

    public static string Topic(InterviewRequest request) => string.Join(", ", request.Specialties);

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
        + $"What they want to learn: \"{request.Learn}\"\nThey'll reach out to set a time.\n" + Norms(request.Specialties);

    public static string IntroForGroup(InterviewRequest request, InterviewOffer offer) =>
        $"🎉 {Mention(request.RequesterId)}, meet {Mention(offer.UserId)} ({Who(offer)}), who accepted your informational interview about {Topic(request)}.\n"
        + $"What {Mention(request.RequesterId)} wants to learn: \"{request.Learn}\"\n"
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

    public static string ThankYouNudge(InterviewRequest request) =>
        $"Wonderful! Today is the day to send {Mention(request.VolunteerId!)} a short thank-you: one thing you learned and one thing you'll do with it.";

    public static string ConnectNudge(InterviewRequest request) =>
        $"A week ago you met {Mention(request.VolunteerId!)}. If you haven't yet, connect with them (LinkedIn, or wherever they are) and share something useful when you come across it.";

    private static string Days(TimeSpan span) => span.TotalDays.ToString("0", CultureInfo.InvariantCulture);

    private static string Who(InterviewOffer offer) => offer.Institution is null ? offer.Role : $"{offer.Role}, {offer.Institution}";

    private static string Hours(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0} hours");
}
