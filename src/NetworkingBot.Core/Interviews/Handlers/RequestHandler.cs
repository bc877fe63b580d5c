using Microsoft.Extensions.Options;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Text;

namespace NetworkingBot.Core.Interviews.Handlers;

/// <summary>/interview request: ask for 15-20 minutes with a volunteer in one or more specialties.</summary>
public sealed class RequestHandler(IInterviewStore store, InterviewService search, InterviewGate gate, TimeProvider time, IOptions<InterviewOptions> options) : ICommandHandler
{
    /// <summary>How many open requests one member may have at once, so nobody floods the volunteers.</summary>
    public const int MaxOpen = 3;

    public static SubcommandSpec Spec { get; } = new("interview", "request", "ask for a 15-20 minute informational interview",
    [
        new("specialties", "who you'd like to talk to, e.g. archives,law", Required: true, Kind: OptionKind.Tags),
        new("learn", $"what you want to learn (up to {InterviewInput.MaxLearn} characters)"),
        new("tz", "your time zone, e.g. Europe/London", Kind: OptionKind.TimeZone),
    ], Example: "/interview request specialties:archives learn:\"How did you move from a public library into archives?\"")
    {
        Form = RequestForm.Spec,
    };

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var (specialties, specialtyError) = InterviewInput.Specialties(request.Option("specialties"));
        var (learn, learnError) = MemberText.Read("learn", request.Option("learn"), InterviewInput.MaxLearn, multiline: true);
        var (zone, zoneError) = InterviewInput.TimeZone(request.Option("tz"));
        if ((specialtyError ?? learnError ?? zoneError) is { } problem)
        {
            return CommandResult.Fail(problem);
        }

        if (learn is null)
        {
            return CommandResult.Fail(OptionValidator.Usage(Spec, "missing_option", "Tell the volunteer what you want to learn with `learn:\"...\"`."));
        }

        await using var held = await gate.AcquireAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var requests = await store.ListRequestsAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        if (requests.Count(r => r.RequesterId == context.Actor.Id && r.IsOpen) >= MaxOpen)
        {
            return CommandResult.Fail("too_many_open", $"You already have {MaxOpen} open requests. `/interview list` shows them; `/interview cancel` frees one.");
        }

        var offers = await store.ListOffersAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        var draft = new InterviewRequest($"iv-{Guid.NewGuid():N}"[..11], context.CommunityId, context.Actor.Id, MemberText.Clean(context.Actor.DisplayName),
            specialties!, learn, zone, RequestStatus.Waiting, null, [], 0, null, now, null, null, null, 0);
        if (IsOnlyYou(draft, offers))
        {
            return CommandResult.Fail("self_request", $"The only volunteer for {string.Join(", ", specialties!)} is you, and you can't interview yourself. Nothing was saved; try another specialty.");
        }

        await store.AddRequestAsync(draft, cancellationToken).ConfigureAwait(false);
        var outcome = await search.SearchAsync(draft, null, cancellationToken).ConfigureAwait(false);
        var saved = outcome.Saved ?? draft;
        return CommandResult.Ok($"Your request `{saved.RequestId}` is in. {outcome.RequesterText}\n"
            + $"Volunteers have {options.Value.AnswerWithin.TotalHours:0} hours each to answer. `/interview list` shows where it stands; `/interview cancel request:{saved.RequestId}` withdraws it.");
    }

    // Volunteering in a specialty and asking for it yourself is fine when someone else can take it.
    private static bool IsOnlyYou(InterviewRequest draft, IReadOnlyList<InterviewOffer> offers)
    {
        var matching = offers.Where(o => o.Status == OfferStatus.Active && o.Specialties.Intersect(draft.Specialties, StringComparer.Ordinal).Any()).ToList();
        return matching.Count > 0 && matching.All(o => o.UserId == draft.RequesterId);
    }
}
