namespace NetworkingBot.Core.Network;

/// <summary>
/// Finds an open job lead worth passing on to a contact, for the month-later nudge. The job-leads program implements
/// it (it uses this folder, so this folder cannot use it back); with none registered the nudge names no lead.
/// </summary>
public interface IUsefulLeadFinder
{
    /// <summary>
    /// The newest open, unexpired lead of the community whose tags or title words match one of
    /// <paramref name="interests"/> (lower-case tags), not shared by one of <paramref name="sharedByNeither"/> (the
    /// contact's own lead is no news to them, and the member's own is not "something useful" found for them), or null.
    /// </summary>
    Task<UsefulLead?> FindAsync(string communityId, IReadOnlyList<string> interests, IReadOnlyCollection<string> sharedByNeither, CancellationToken cancellationToken = default);
}

/// <summary>A lead as a nudge names it.</summary>
/// <param name="Number">The community's running number ("#12").</param>
/// <param name="Title">The lead's title, stored sanitised.</param>
/// <param name="Employer">The employer, stored sanitised.</param>
/// <param name="ShowCommand">The command that shows the whole lead, e.g. <c>/job show lead:12</c>.</param>
public sealed record UsefulLead(int Number, string Title, string Employer, string ShowCommand);
