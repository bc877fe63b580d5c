using NetworkingBot.Testing.Fakes;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Discord.Delivery;
using static NetworkingBot.Testing.Builders.AtTheMaxima;

namespace NetworkingBot.Discord.Tests.Delivery;

/// <summary>
/// The core's longest job card and interview DMs, as Discord bodies: one message each (content at most 2,000
/// characters), never split in two, and the sharer's or partner's mention is the one allowed to ping.
/// </summary>
public sealed class MessagesAtTheMaximaTests
{
    private readonly RecordingLogger<MessagesAtTheMaximaTests> _logger = new();

    [Fact]
    public void The_longest_job_card_is_one_channel_message()
    {
        var body = Assert.Single(MessageBodies.Build(JobTexts.Post(Lead()), [], "k", "1", _logger));

        Assert.InRange(body.Content.Length, 1, MessageSplitter.MaxLength);
        Assert.Equal([UserId], body.AllowedMentions.Users);
    }

    [Fact]
    public void The_longest_subscriber_dm_and_interview_dms_are_one_message_each()
    {
        var request = Request();
        var offer = Offer();
        foreach (var text in new[]
        {
            JobTexts.Instant(Lead()), InterviewTexts.AskVolunteer(request, Why(), TimeSpan.FromHours(72)),
            InterviewTexts.IntroForRequester(request, offer), InterviewTexts.IntroForVolunteer(request), InterviewTexts.IntroForGroup(request, offer),
        })
        {
            // As plain content, not the DM embed (4,096): one message even where the embed is not used.
            Assert.Single(MessageBodies.Build(text, [], "k", null, _logger));
        }
    }
}
