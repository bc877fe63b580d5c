using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Home;

/// <summary>One part of a member's home: a heading, lines of core text (mentions and time tokens included) and buttons.</summary>
public sealed record HomeSection(string Title, IReadOnlyList<string> Lines, IReadOnlyList<ButtonSpec> Buttons);

/// <summary>
/// Where a member stands across every program, as a platform's home screen shows it (Slack's App Home). A member who
/// never joined anything gets <see cref="FirstSteps"/>: a welcome and the ways in, instead of empty sections.
/// </summary>
public sealed record MemberHome(string Greeting, bool FirstSteps, IReadOnlyList<HomeSection> Sections);
