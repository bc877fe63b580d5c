using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Text;

namespace NetworkingBot.Core.Interviews.Handlers;

/// <summary>/interview offer: volunteer for informational interviews, or change an existing offer.</summary>
public sealed class OfferHandler(IInterviewStore store, InterviewService search, InterviewGate gate, TimeProvider time) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("interview", "offer", "volunteer for interviews, or change your offer (offer-pause, offer-stop: take a break, stop)",
    [
        new("specialties", "what you can talk about, comma-separated", Kind: OptionKind.Tags),
        new("role", "your role or title"),
        new("institution", "where you work (optional)"),
        new("capacity", $"interviews per month (1-{InterviewInput.MaxCapacity}, default 2)", Kind: OptionKind.Number),
        new("note", "a short note for the people you meet"),
        new("contact", "how you prefer to be contacted"),
        new("tz", "your time zone, e.g. America/Chicago", Kind: OptionKind.TimeZone),
    ], Example: "/interview offer specialties:archives,law role:\"Archivist\" institution:\"City Library\" capacity:2 contact:\"DM me\"");

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        await using var held = await gate.AcquireAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);
        var existing = await store.GetOfferAsync(context.CommunityId, context.Actor.Id, cancellationToken).ConfigureAwait(false);
        if (existing is null && (!request.Has("specialties") || !request.Has("role")))
        {
            return CommandResult.Fail(OptionValidator.Usage(Spec, "missing_option", "To volunteer, give at least `specialties` and `role`."));
        }

        var specialties = existing?.Specialties;
        if (request.Has("specialties"))
        {
            var (parsed, error) = InterviewInput.Specialties(request.Option("specialties"));
            if (error is not null)
            {
                return CommandResult.Fail(error);
            }

            specialties = parsed;
        }

        var capacity = existing?.MonthlyCapacity ?? 2;
        if (request.Option("capacity") is { } rawCapacity)
        {
            var (n, error) = OptionParsers.Number("capacity", rawCapacity, 1, InterviewInput.MaxCapacity);
            if (error is not null)
            {
                return CommandResult.Fail(error);
            }

            capacity = n!.Value;
        }

        var (role, roleError) = MemberText.Read("role", request.Option("role"), InterviewInput.MaxRole);
        var (institution, institutionError) = MemberText.Read("institution", request.Option("institution"), InterviewInput.MaxRole);
        var (note, noteError) = MemberText.Read("note", request.Option("note"), InterviewInput.MaxNote, multiline: true);
        var (contact, contactError) = MemberText.Read("contact", request.Option("contact"), InterviewInput.MaxContact);
        var (zone, zoneError) = InterviewInput.TimeZone(request.Option("tz"));
        if ((roleError ?? institutionError ?? noteError ?? contactError ?? zoneError) is { } problem)
        {
            return CommandResult.Fail(problem);
        }

        if (role is null && existing is null)
        {
            return CommandResult.Fail(OptionValidator.Usage(Spec, "missing_option", "`role` can't be empty; say what you do, like `role:\"Law librarian\"`."));
        }

        var offer = new InterviewOffer(context.CommunityId, context.Actor.Id, MemberText.Clean(context.Actor.DisplayName), specialties!,
            role ?? existing!.Role, institution ?? existing?.Institution, capacity, note ?? existing?.Note, contact ?? existing?.Contact,
            zone ?? existing?.TimeZone, OfferStatus.Active, time.GetUtcNow());
        await store.UpsertOfferAsync(offer, cancellationToken).ConfigureAwait(false);
        await search.RetryWaitingAsync(context.CommunityId, cancellationToken).ConfigureAwait(false);

        var verb = existing is null ? "Thank you for volunteering!" : "Your offer is updated.";
        return CommandResult.Ok($"{verb} You offer interviews on {string.Join(", ", offer.Specialties)} as {offer.Role}"
            + (offer.Institution is null ? "" : $" ({offer.Institution})") + $", up to {offer.MonthlyCapacity} a month. "
            + "Only a member you accept ever learns who you are. `/interview offer-pause` takes a break, `/interview offer-stop` stops.");
    }
}
