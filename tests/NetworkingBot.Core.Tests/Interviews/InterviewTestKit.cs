using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Interviews;

/// <summary>Shortcuts for interview tests on the real core with in-memory fakes.</summary>
internal static class InterviewTestKit
{
    public static IInterviewStore Interviews(this CoreHarness h) => h.GetService<IInterviewStore>();

    public static async Task OfferAsync(this CoreHarness h, string user, string specialties, int capacity = 2) =>
        TestData.Ok(await h.RunAsync(user, $"/interview offer specialties:{specialties} role:\"{user} librarian\" capacity:{capacity}"));

    /// <summary>Makes a request and returns its id.</summary>
    public static async Task<string> RequestAsync(this CoreHarness h, string user, string specialties, string learn = "how you got started")
    {
        var reply = TestData.Ok(await h.RunAsync(user, $"/interview request specialties:{specialties} learn:\"{learn}\""));
        var start = reply.Body.IndexOf("`iv-", StringComparison.Ordinal) + 1;
        return reply.Body[start..reply.Body.IndexOf('`', start)];
    }

    /// <summary>The latest ask DM a volunteer got for the request (it carries Accept / Decline).</summary>
    public static OutboundMessage AskTo(this CoreHarness h, string volunteer, string requestId) =>
        h.Messenger.DirectTo(volunteer).Last(m => m.Buttons.Any(b => b.Command.Contains($"request:{requestId} answer:accept", StringComparison.Ordinal)));

    public static string Press(OutboundMessage message, string label) => Assert.Single(message.Buttons, b => b.Label == label).Command;

    /// <summary>Moves the fake clock and runs the due work, as the Quartz job would.</summary>
    public static async Task AdvanceAsync(this CoreHarness h, TimeSpan by)
    {
        h.Clock.Advance(by);
        foreach (var work in h.GetService<IEnumerable<IDueWork>>())
        {
            await work.RunDueAsync(default);
        }
    }

    public static async Task<InterviewRequest> Get(this CoreHarness h, string requestId) =>
        (await h.Interviews().GetRequestAsync(requestId))!;

    /// <summary>Everything the requester was sent, as one string, to check what they learned.</summary>
    public static string AllTextTo(this CoreHarness h, string user) => string.Join("\n", h.Messenger.DirectTo(user).Select(m => m.Text));

    public static Reply Ok(CommandResult result) => TestData.Ok(result);
}
