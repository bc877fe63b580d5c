using System.Text;
using System.Text.RegularExpressions;

namespace NetworkingBot.Core.Commands;

/// <summary>
/// The text grammar shared by Slack and the console shell:
/// <c>/program subcommand name:value name:"value with spaces"</c>. A comma-separated value may have spaces after
/// its commas (<c>interests:cataloging, archives</c>). Parsing never throws; a malformed line becomes a <see cref="UserError"/>.
/// </summary>
public static partial class CommandLine
{
    /// <summary>
    /// Longest command line we read at all. Generous on purpose: an over-long single value (a 5,000-character
    /// region) deserves the option's own message ("at most 100 characters"), not a generic one.
    /// </summary>
    public const int MaxLength = 10_000;

    public static (CommandRequest? Request, UserError? Error) Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length > MaxLength)
        {
            return (null, new UserError("too_long", $"That command is too long ({line.Length} characters; the limit is {MaxLength}). Shorten it and try again."));
        }

        var trimmed = line.Trim();
        if (trimmed.Equals(CommandCatalog.Help, StringComparison.OrdinalIgnoreCase) || trimmed == "/" + CommandCatalog.Help)
        {
            return (CommandRequest.HelpOverview, null);
        }

        var (tokens, tokenError) = Tokenize(trimmed);
        if (tokenError is not null)
        {
            return (null, tokenError);
        }

        if (tokens.Count == 0 || !tokens[0].Value.StartsWith('/') || tokens[0].Value.Length < 2)
        {
            return (null, new UserError("not_a_command", "Commands start with a slash, for example `/coffee help`."));
        }

        var program = tokens[0].Value[1..].ToLowerInvariant();
        var rest = tokens.Skip(1).ToList();
        var subcommand = CommandCatalog.Help;
        if (rest.Count > 0 && !rest[0].HasColon)
        {
            subcommand = rest[0].Value.ToLowerInvariant();
            rest.RemoveAt(0);
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        if (subcommand == CommandCatalog.Help && rest is [{ HasColon: false } which])
        {
            // "/coffee help join": the one place a second bare word is allowed.
            options[CommandCatalog.HelpOption] = which.Value;
            return (new CommandRequest(program, subcommand, options), null);
        }

        string? previous = null;
        foreach (var token in rest)
        {
            // "interests:cataloging, archives": a list typed with a space after its comma goes on with the next word.
            if (!token.HasColon && previous is not null && (EndsList(options[previous]) || StartsList(token.Value)))
            {
                options[previous] = $"{options[previous]} {token.Value}";
                continue;
            }

            if (!token.HasColon)
            {
                return (null, new UserError("bad_option", $"I didn't understand `{token.Value}`. Options look like `name:value` (use quotes for spaces: `region:\"Kansas City\"`)."));
            }

            var name = token.Name.ToLowerInvariant();
            if (name.Length == 0)
            {
                return (null, new UserError("bad_option", $"`{token.Value}` has no option name before the colon."));
            }

            if (!options.TryAdd(name, token.Value))
            {
                return (null, new UserError("duplicate_option", $"The option `{name}` was given twice; give it once."));
            }

            previous = name;
        }

        return (new CommandRequest(program, subcommand, options), null);
    }

    /// <summary>
    /// The member an escaped mention names: <c>&lt;@U123&gt;</c> or <c>&lt;@U123|sam&gt;</c> gives the id and, when
    /// present, the name. Anything else (plain text, a channel <c>&lt;#C1&gt;</c>, <c>&lt;!here&gt;</c>, a role
    /// <c>&lt;@&amp;1&gt;</c>) is null, so the program can ask for a member instead of guessing.
    /// </summary>
    public static (string Id, string? Name)? Mention(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var match = MentionPattern().Match(value.Trim());
        return match.Success ? (match.Groups[1].Value, match.Groups[2].Success && match.Groups[2].Value.Length > 0 ? match.Groups[2].Value : null) : null;
    }

    /// <summary>
    /// A member named by handle, <c>@sam</c> or <c>sam</c> (as the console names its users: lower case), or null
    /// when the value cannot be a handle.
    /// </summary>
    public static string? Handle(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var match = HandlePattern().Match(value.Trim());
        return match.Success ? match.Groups[1].Value.ToLowerInvariant() : null;
    }

    /// <summary>
    /// Resolves every option of kind <see cref="OptionKind.User"/> in <paramref name="request"/> with the adapter's
    /// <paramref name="resolve"/>: a member it finds puts its id in <see cref="CommandRequest.Options"/> and itself in
    /// <see cref="CommandRequest.Users"/>; a value it cannot resolve stays as typed, with no entry in Users.
    /// </summary>
    public static async Task<CommandRequest> ResolveUsersAsync(
        CommandRequest request, SubcommandSpec? spec, Func<string, CancellationToken, Task<MentionedUser?>> resolve, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(resolve);
        var names = spec?.Options.Where(o => o.Kind == OptionKind.User && request.Has(o.Name)).Select(o => o.Name).ToList() ?? [];
        if (names.Count == 0)
        {
            return request;
        }

        var options = new Dictionary<string, string>(request.Options, StringComparer.Ordinal);
        var users = new Dictionary<string, MentionedUser>(request.Users, StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (await resolve(options[name], cancellationToken).ConfigureAwait(false) is { } user)
            {
                options[name] = user.Id;
                users[name] = user;
            }
        }

        return request with { Options = options, Users = users };
    }

    [GeneratedRegex(@"^<@([A-Za-z0-9]+)(?:\|([^>]*))?>$")]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"^@?([A-Za-z0-9._-]{1,32})$")]
    private static partial Regex HandlePattern();

    private static bool EndsList(string value) => value.TrimEnd().EndsWith(',') || value.TrimEnd().EndsWith(';');

    private static bool StartsList(string word) => word.StartsWith(',') || word.StartsWith(';');

    /// <summary>Quotes a value if it needs it, so a command line can be built back from parts (buttons use this).</summary>
    public static string Quote(string value) =>
        value.Length > 0 && value.All(c => !char.IsWhiteSpace(c) && c != '"') ? value : $"\"{value.Replace("\"", "'", StringComparison.Ordinal)}\"";

    private readonly record struct Token(string Name, string Value, bool HasColon);

    private static (List<Token> Tokens, UserError? Error) Tokenize(string line)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            if (i >= line.Length)
            {
                break;
            }

            var start = i;
            var name = new StringBuilder();
            var value = new StringBuilder();
            var hasColon = false;
            var current = name;
            while (i < line.Length && !char.IsWhiteSpace(line[i]))
            {
                var c = line[i];
                if (IsQuote(c))
                {
                    var close = line.IndexOfAny(['"', '\u201C', '\u201D'], i + 1);
                    if (close < 0)
                    {
                        return (tokens, new UserError("unclosed_quote", "A quote was opened but never closed. Put a closing `\"` after the value."));
                    }

                    current.Append(line, i + 1, close - i - 1);
                    i = close + 1;
                    continue;
                }

                var mentionEnd = c == '<' && hasColon && value.Length == 0 ? line.IndexOf('>', i + 1) : -1;
                if (mentionEnd > 0)
                {
                    // "first:<@U1|sam smith>": a mention is one value even when the name in it has spaces.
                    value.Append(line, i, mentionEnd - i + 1);
                    i = mentionEnd + 1;
                    continue;
                }

                if (c == ':' && !hasColon && current == name)
                {
                    hasColon = true;
                    current = value;
                    i++;
                    continue;
                }

                current.Append(c);
                i++;
            }

            var text = name.ToString();
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (!hasColon && colon > 0 && line[start] is '"' or '\u201C' or '\u201D')
            {
                // "region:Kansas City" quoted as a whole: still an option.
                tokens.Add(new Token(text[..colon], text[(colon + 1)..], true));
                continue;
            }

            tokens.Add(hasColon ? new Token(text, value.ToString(), true) : new Token(string.Empty, text, false));
        }

        return (tokens, null);
    }

    // Slack and phones turn straight quotes into curly ones; accept both.
    private static bool IsQuote(char c) => c is '"' or '\u201C' or '\u201D';
}
