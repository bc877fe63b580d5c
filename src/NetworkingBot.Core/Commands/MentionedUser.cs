namespace NetworkingBot.Core.Commands;

/// <summary>
/// What an adapter knows about a member named in an option of kind <see cref="OptionKind.User"/>: the platform's
/// user id (the option's value is that id too), the name the platform shows, and whether the account is a bot.
/// The shell names members as <c>@name</c>, Slack as <c>&lt;@U…|name&gt;</c>, Discord through a user option; each
/// adapter fills this in, so the programs check "oneself", "a bot" and "not a member here" the same way everywhere.
/// </summary>
public sealed record MentionedUser(string Id, string? DisplayName = null, bool IsBot = false);
