using System.Text;
using System.Text.RegularExpressions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Tests;

/// <summary>
/// The adapters name no command: what a program is called, which subcommands it has and which of them open a form
/// all come from the catalogue, so a new command or form needs no Discord or Slack code. This reads every .cs file
/// of both adapter projects and fails on a string literal (comments left out) that names a command.
/// </summary>
public sealed partial class AdaptersNameNoCommandTests
{
    /// <summary>
    /// Protocol words that happen to equal a subcommand name, where they name something else. Each is a field or
    /// opcode of the platform's own protocol, never one of our commands.
    /// </summary>
    private static readonly HashSet<(string File, string Literal)> ProtocolWords = [];

    [Fact]
    public void No_command_name_literal_appears_in_the_Discord_or_Slack_adapter()
    {
        using var core = new CoreHarness();
        var catalog = core.GetService<CommandCatalog>();
        var programs = catalog.Programs.ToHashSet(StringComparer.Ordinal);
        var subcommands = catalog.All.Select(r => r.Spec.Name).Append(CommandCatalog.Help).ToHashSet(StringComparer.Ordinal);
        var found = new List<string>();
        foreach (var file in AdapterSources())
        {
            foreach (var (literal, before) in StringLiterals(File.ReadAllText(file)))
            {
                if (Names(literal, before, programs, subcommands) && !ProtocolWords.Contains((Path.GetFileName(file), literal)))
                {
                    found.Add($"{Path.GetFileName(file)}: \"{literal}\"");
                }
            }
        }

        Assert.True(found.Count == 0, "Command names written into an adapter (take them from the catalogue):\n" + string.Join('\n', found));
    }

    [Theory]
    [InlineData("""var x = "coffee";""", true)]
    [InlineData("""if (name == "join") {}""", true)]
    [InlineData("""var hint = $"Try `/job help share`";""", true)]
    [InlineData("""var id = "modal:interview:request";""", true)]
    [InlineData("""var id = "coffee_join";""", true)]
    [InlineData("""// "coffee" in a comment""", false)]
    [InlineData("""/// <summary>"/coffee join" in a doc</summary>""", false)]
    [InlineData("""var url = "https://x.org/jobs/42"; // "coffee" """, false)]
    [InlineData("""var label = Plain("Cancel");""", false)]
    [InlineData("""var v = e["profile"];""", false)]
    [InlineData("""e.TryGetProperty("profile", out var p);""", false)]
    [InlineData("""var s = $"/{program} {name}";""", false)]
    public void The_check_finds_names_in_code_and_not_in_comments_or_protocol_fields(string code, bool names)
    {
        var programs = new HashSet<string>(["coffee", "job", "interview"], StringComparer.Ordinal);
        var subcommands = new HashSet<string>(["join", "share", "request", "profile", "cancel"], StringComparer.Ordinal);

        Assert.Equal(names, StringLiterals(code).Any(l => Names(l.Literal, l.Before, programs, subcommands)));
    }

    private static List<string> AdapterSources()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "NetworkingBot.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        string[] projects = ["NetworkingBot.Discord", "NetworkingBot.Slack"];
        var files = projects.SelectMany(p => Directory.EnumerateFiles(Path.Combine(root.FullName, "src", p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 20, $"only {files.Count} adapter source files found under {root.FullName}");
        return files;
    }

    /// <summary>
    /// Whether a literal names a command (names are lower case, so "Cancel" on a button is not <c>cancel</c>): it is a
    /// program's or subcommand's name (unless it is a JSON member read or
    /// written by the platform protocol, <c>["x"]</c> or <c>GetProperty("x")</c>), it types one (<c>/coffee</c>), or it
    /// joins a program and a subcommand the way ids do (<c>coffee_join</c>, <c>job:share</c>, <c>interview request</c>).
    /// </summary>
    private static bool Names(string literal, string before, HashSet<string> programs, HashSet<string> subcommands)
    {
        var member = before.EndsWith('[') || before.EndsWith("Property(", StringComparison.Ordinal);
        if ((programs.Contains(literal) || subcommands.Contains(literal)) && !member)
        {
            return true;
        }

        foreach (Match word in Word().Matches(literal))
        {
            var at = word.Index;
            if (programs.Contains(word.Value) && at > 0 && literal[at - 1] == '/')
            {
                return true;
            }

            var next = Word().Match(literal, at + word.Length);
            if (programs.Contains(word.Value) && next.Success && next.Index == at + word.Length + 1
                && literal[at + word.Length] is '_' or ':' or ' ' && subcommands.Contains(next.Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The string literals of C# source with the code just before each, skipping comments. It knows regular, verbatim,
    /// interpolated and raw strings and char literals: enough for this codebase, not a full lexer.
    /// </summary>
    private static List<(string Literal, string Before)> StringLiterals(string source)
    {
        var results = new List<(string Literal, string Before)>();
        var i = 0;
        while (i < source.Length)
        {
            if (source[i] == '/' && i + 1 < source.Length && source[i + 1] == '/')
            {
                i = source.IndexOf('\n', i) is var end and >= 0 ? end : source.Length;
                continue;
            }

            if (source[i] == '/' && i + 1 < source.Length && source[i + 1] == '*')
            {
                i = source.IndexOf("*/", i + 2, StringComparison.Ordinal) is var end and >= 0 ? end + 2 : source.Length;
                continue;
            }

            if (source[i] == '\'')
            {
                var close = source[i + 1] == '\\' ? source.IndexOf('\'', i + 3) : source.IndexOf('\'', i + 2);
                i = close < 0 ? source.Length : close + 1;
                continue;
            }

            var start = i;
            var prefix = 0;
            while (start + prefix < source.Length && source[start + prefix] is '$' or '@')
            {
                prefix++;
            }

            if (start + prefix >= source.Length || source[start + prefix] != '"')
            {
                i++;
                continue;
            }

            var verbatim = source.AsSpan(start, prefix).Contains('@');
            var quote = start + prefix;
            var quotes = 0;
            while (quote + quotes < source.Length && source[quote + quotes] == '"')
            {
                quotes++;
            }

            var before = source[Math.Max(0, start - 12)..start].TrimEnd();
            if (quotes >= 3)
            {
                var fence = new string('"', quotes);
                var end = source.IndexOf(fence, quote + quotes, StringComparison.Ordinal);
                results.Add((source[(quote + quotes)..end], before));
                i = end + quotes;
                continue;
            }

            if (quotes == 2 && !verbatim)
            {
                results.Add((string.Empty, before));
                i = quote + 2;
                continue;
            }

            var text = new StringBuilder();
            var j = quote + 1;
            while (j < source.Length)
            {
                var c = source[j];
                if (!verbatim && c == '\\' && j + 1 < source.Length)
                {
                    text.Append(source[j + 1]);
                    j += 2;
                    continue;
                }

                if (c == '"' && verbatim && j + 1 < source.Length && source[j + 1] == '"')
                {
                    text.Append('"');
                    j += 2;
                    continue;
                }

                if (c == '"')
                {
                    break;
                }

                text.Append(c);
                j++;
            }

            results.Add((text.ToString(), before));
            i = j + 1;
        }

        return results;
    }

    [GeneratedRegex("[A-Za-z][A-Za-z0-9-]*")]
    private static partial Regex Word();
}
