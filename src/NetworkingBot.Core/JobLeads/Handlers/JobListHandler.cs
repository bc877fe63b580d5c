using Microsoft.Extensions.Options;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.JobLeads.Handlers;

/// <summary>/job list: open leads, newest first, filtered and a page at a time.</summary>
public sealed class JobListHandler(IJobLeadStore store, IOptions<JobOptions> options) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("job", "list", "open job leads, newest first, with filters",
    [
        new("tag", "only leads with this tag", Kind: OptionKind.Tags),
        new("location", "only leads whose location has this word"),
        new("type", "only this kind of position", Choices: JobTypes.Names),
        new("remote", "only remote leads (yes) or on-site ones (no)", Choices: ["yes", "no"]),
        new("page", "which page (1, 2, …)", Kind: OptionKind.Number),
    ], Example: "/job list tag:metadata remote:yes");

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var page = 1;
        if (request.Option("page") is { } pageText)
        {
            var (number, error) = OptionParsers.Number("page", pageText, 1, 1000);
            if (error is not null)
            {
                return CommandResult.Fail(error);
            }

            page = number!.Value;
        }

        var tag = request.Option("tag")?.Trim().TrimStart('#').ToLowerInvariant();
        var words = request.Option("location") is { } place ? JobLeadMatcher.Words(place).ToList() : [];
        var type = request.Option("type") is { } t ? JobTypes.Parse(t) : null;
        var remote = request.Option("remote")?.Trim().ToLowerInvariant() switch { "yes" => true, "no" => (bool?)false, _ => null };

        var leads = (await store.ListLeadsAsync(context.CommunityId, DateTimeOffset.MinValue, cancellationToken).ConfigureAwait(false))
            .Where(l => l.IsOpen)
            .Where(l => tag is null || l.Tags.Contains(tag))
            .Where(l => words.Count == 0 || words.All(JobLeadMatcher.LocationWordsOf(l).Contains))
            .Where(l => type is null || l.Type == type)
            .Where(l => remote is null || l.Remote == remote)
            .ToList();
        var size = options.Value.PageSize;
        var pages = Math.Max(1, (leads.Count + size - 1) / size);
        if (leads.Count == 0)
        {
            return CommandResult.Ok(request.Options.Count == 0
                ? "There are no open job leads right now. Heard of one? `/job share` it."
                : "No open job leads match those filters. `/job list` without filters shows them all.");
        }

        if (page > pages)
        {
            return CommandResult.Fail("bad_page", $"`page`: there {(pages == 1 ? "is 1 page" : $"are {pages} pages")} of leads.");
        }

        var shown = leads.Skip((page - 1) * size).Take(size).Select(JobTexts.Line);
        var text = $"Open job leads ({leads.Count}), newest first — page {page} of {pages}:\n{string.Join('\n', shown)}";
        if (page >= pages)
        {
            return CommandResult.Ok(text);
        }

        var next = "/job list" + string.Concat(request.Options.Where(o => o.Key != "page").Select(o => $" {o.Key}:{CommandLine.Quote(o.Value)}")) + $" page:{page + 1}";
        return next.Length <= 75 ? CommandResult.Ok(text, new ButtonSpec("Next page", next)) : CommandResult.Ok(text + $"\nMore: `{next}`");
    }
}
