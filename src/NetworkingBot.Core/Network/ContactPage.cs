namespace NetworkingBot.Core.Network;

/// <summary>One page of a member's log, most recently spoken first, and how many entries match in all.</summary>
/// <param name="Contacts">The entries of the page.</param>
/// <param name="Total">How many entries match the search across every page.</param>
public sealed record ContactPage(IReadOnlyList<NetworkContact> Contacts, int Total);
