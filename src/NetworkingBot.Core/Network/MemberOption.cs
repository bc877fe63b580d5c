using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Text;

namespace NetworkingBot.Core.Network;

/// <summary>
/// Reads a member named in a user option and refuses, as values, everyone the program cannot act on: nobody named,
/// oneself, a bot, and anyone who is not an opted-in member here (never joined, departed or forgotten).
/// </summary>
public sealed class MemberOption(INetworkDirectory directory)
{
    /// <summary>The option's member id: the adapter's resolution, else the raw value without a leading <c>@</c>.</summary>
    public static string? IdOf(CommandRequest request, string option)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.User(option) is { } user)
        {
            return user.Id;
        }

        // Until every adapter resolves user options, the shell's "@sam" arrives as text.
        var raw = request.Option(option)?.Trim();
        return raw is { Length: > 0 } ? raw.TrimStart('@') is { Length: > 0 } id ? id : null : null;
    }

    /// <summary>The opted-in member named in <paramref name="option"/>, or why they cannot be used.</summary>
    public async Task<(NetworkPerson? Person, UserError? Error)> ReadAsync(
        CommandContext context, CommandRequest request, string option, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var id = IdOf(request, option);
        if (id is null)
        {
            return (null, new UserError("member_missing", $"Please name a member: `{option}:@name`."));
        }

        if (request.User(option)?.IsBot == true)
        {
            return (null, new UserError("member_is_bot", "That is a bot account; the follow-up program is for members. Nothing changed."));
        }

        if (id == context.Actor.Id)
        {
            return (null, new UserError("member_is_self", "That is you. Name another member. Nothing changed."));
        }

        var person = await directory.FindAsync(context.CommunityId, id, cancellationToken).ConfigureAwait(false);
        return person is null
            ? (null, new UserError("not_a_member", $"I don't know {MemberText.Clean(id)} as a member of this community's programs (never joined, left, or asked to be forgotten). Nothing changed."))
            : (person, null);
    }

    /// <summary>The actor as an opted-in member here, or null.</summary>
    public Task<NetworkPerson?> FindSelfAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return directory.FindAsync(context.CommunityId, context.Actor.Id, cancellationToken);
    }
}
