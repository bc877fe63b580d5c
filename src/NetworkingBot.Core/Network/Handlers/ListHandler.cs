using System.Globalization;
using System.Text;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Text;

namespace NetworkingBot.Core.Network.Handlers;

/// <summary>/network list: my contacts, most recently spoken first, ten a page, optionally searched.</summary>
public sealed class ListHandler(INetworkStore store, INetworkDirectory directory) : ICommandHandler
{
    public static SubcommandSpec Spec { get; } = new("network", "list", "your contacts, most recent first, with how you met and when you last spoke",
    [
        new("search", "only contacts whose name or how-we-met contains this"),
        new("page", "which page of ten", Kind: OptionKind.Number),
    ], Example: "/network list search:archives page:2");

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var page = 1;
        if (request.Option("page") is { } rawPage && (!int.TryParse(rawPage, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            return CommandResult.Fail("page_invalid", "`page` is a whole number from 1, like `page:2`.");
        }

        var search = MemberText.Strip(request.Option("search") ?? "");
        var found = await store.ListContactsAsync(context.CommunityId, context.Actor.Id, search.Length == 0 ? null : search,
            (page - 1) * NetworkLimits.PageSize, NetworkLimits.PageSize, cancellationToken).ConfigureAwait(false);
        var pages = Math.Max(1, (found.Total + NetworkLimits.PageSize - 1) / NetworkLimits.PageSize);
        if (page > pages)
        {
            return CommandResult.Fail("page_out_of_range", pages == 1
                ? "There is only one page: `/network list`."
                : $"There are {pages} pages; ask for `page:1` to `page:{pages}`.");
        }

        if (found.Total == 0)
        {
            return CommandResult.Ok(search.Length == 0
                ? "Your network log is empty. Meetings from coffee chats, interviews and introductions appear here; `/network add` adds one made elsewhere."
                : $"No contact matches \"{MemberText.Clean(search)}\".");
        }

        var text = new StringBuilder($"Your network ({found.Total} contact{(found.Total == 1 ? "" : "s")}, page {page} of {pages}):");
        foreach (var contact in found.Contacts)
        {
            var person = contact.FormerMember ? null : await directory.FindAsync(context.CommunityId, contact.OtherId, cancellationToken).ConfigureAwait(false);
            text.Append('\n').Append(NetworkTexts.Line(contact, person));
        }

        if (page < pages)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nMore: `/network list page:{page + 1}`");
        }

        return CommandResult.Ok(text.ToString());
    }
}
