using NetworkingBot.Core.Interviews;
using static NetworkingBot.Testing.Builders.AtTheMaxima;

namespace NetworkingBot.Core.Tests.Text;

/// <summary>
/// Interview DMs with every field at its maximum (ten 40-character specialties, 500 characters to learn, the
/// longest role, institution, note and contact) stay within <see cref="OneMessage"/>: Discord's 2,000-character
/// content, the strictest single message, with half as much again to spare under Slack's 3,000-character section
/// for its escaping. The volunteer's request DM quotes what to learn in full; the intros after it quote its opening.
/// </summary>
public sealed class InterviewTextsAtTheMaximaTests
{
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromHours(72);

    public static TheoryData<string> EveryText() =>
    [
        "ask", "asked", "asked-again", "nobody", "nobody-later", "expired", "too-late", "withdrawn", "intro-requester", "intro-volunteer",
        "intro-group", "follow-up", "met",
    ];

    [Theory]
    [MemberData(nameof(EveryText))]
    public void Every_interview_text_at_the_maxima_fits_one_message(string kind)
    {
        var text = Text(kind);

        Assert.True(text.Length <= OneMessage, $"{kind}: {text.Length} characters");
    }

    [Fact]
    public void The_volunteer_is_asked_with_everything_the_requester_wrote()
    {
        var request = Request();

        var ask = InterviewTexts.AskVolunteer(request, Why(), AnswerWithin);

        Assert.Contains($"\"{request.Learn}\"", ask, StringComparison.Ordinal);
        Assert.Contains($"<@{UserId}>", ask, StringComparison.Ordinal);
        Assert.Contains(Why(), ask, StringComparison.Ordinal);
        Assert.All(InterviewTexts.AskButtons(request.RequestId), b => Assert.EndsWith($"request:{request.RequestId} answer:{b.Label.ToLowerInvariant()}", b.Command, StringComparison.Ordinal));
    }

    [Fact]
    public void The_requester_s_intro_keeps_the_volunteer_s_name_role_note_and_contact_whole()
    {
        var offer = Offer();

        var intro = InterviewTexts.IntroForRequester(Request(), offer);

        foreach (var whole in new[] { $"<@{OtherId}>", offer.Role, offer.Institution!, offer.Note!, offer.Contact! })
        {
            Assert.Contains(whole, intro, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("intro-volunteer")]
    [InlineData("intro-group")]
    public void An_intro_repeats_only_the_opening_of_what_to_learn(string kind)
    {
        var request = Request();
        var intro = Text(kind);

        Assert.DoesNotContain("LEARN-END", intro, StringComparison.Ordinal);
        var quoted = intro[(intro.IndexOf("learn: \"", StringComparison.Ordinal) + 8)..];
        quoted = quoted[..quoted.IndexOf('"', StringComparison.Ordinal)];
        Assert.EndsWith("…", quoted, StringComparison.Ordinal);
        Assert.True(quoted.Length <= InterviewTexts.LearnExcerpt, $"{quoted.Length} characters");
        Assert.StartsWith(quoted[..^1].TrimEnd(), request.Learn, StringComparison.Ordinal);
        Assert.Contains($"<@{UserId}>", intro, StringComparison.Ordinal);
    }

    [Fact]
    public void The_group_intro_names_both_and_keeps_the_volunteer_s_note_and_contact_whole()
    {
        var offer = Offer();

        var intro = InterviewTexts.IntroForGroup(Request(), offer);

        foreach (var whole in new[] { $"<@{UserId}>", $"<@{OtherId}>", offer.Role, offer.Note!, offer.Contact! })
        {
            Assert.Contains(whole, intro, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_long_list_of_specialties_is_named_in_part_with_how_many_more()
    {
        var topic = InterviewTexts.Topic(Request());

        Assert.True(topic.Length <= InterviewTexts.TopicLimit, $"{topic.Length} characters");
        Assert.StartsWith(Request().Specialties[0] + ", " + Request().Specialties[1], topic, StringComparison.Ordinal);
        Assert.Matches(@" and [1-8] more$", topic);
    }

    [Fact]
    public void A_short_list_of_specialties_is_named_whole()
    {
        var request = Request() with { Specialties = ["archives", "law", "digital-preservation"] };

        Assert.Equal("archives, law, digital-preservation", InterviewTexts.Topic(request));
    }

    private static string Text(string kind)
    {
        var request = Request();
        var offer = Offer();
        var keep = TimeSpan.FromDays(30);
        return kind switch
        {
            "ask" => InterviewTexts.AskVolunteer(request, Why(), AnswerWithin),
            "asked" => InterviewTexts.Asked(request, Why(), null, AnswerWithin),
            "asked-again" => InterviewTexts.Asked(request, Why(), InterviewTexts.PreviousTimedOut(AnswerWithin), AnswerWithin),
            "nobody" => InterviewTexts.NobodyAvailable(request, InterviewTexts.PreviousDeclined, keep, firstWait: true),
            "nobody-later" => InterviewTexts.NobodyAvailable(request, InterviewTexts.PreviousDeclined, keep, firstWait: false),
            "expired" => InterviewTexts.Expired(request, keep),
            "too-late" => InterviewTexts.TooLateForVolunteer(request),
            "withdrawn" => InterviewTexts.WithdrawnForVolunteer(request),
            "intro-requester" => InterviewTexts.IntroForRequester(request, offer),
            "intro-volunteer" => InterviewTexts.IntroForVolunteer(request),
            "intro-group" => InterviewTexts.IntroForGroup(request, offer),
            "follow-up" => InterviewTexts.FollowUp(request),
            _ => InterviewTexts.Met(request),
        };
    }
}
