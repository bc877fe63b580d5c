using System.Text.RegularExpressions;

namespace NetworkingBot.Core.Tests.Architecture;

/// <summary>A source file of the Core project: its path under the project (with '/') and its text.</summary>
internal sealed record SourceFile(string Path, string Text);

/// <summary>One reason folder <see cref="From"/> depends on folder <see cref="To"/>: the file and the text that says so.</summary>
internal sealed record FolderEdge(string From, string To, string File, string Evidence)
{
    public override string ToString() => $"{From} -> {To} ({File}: {Evidence})";
}

/// <summary>
/// Reads which top-level Core folder depends on which, from the source text. A file's folder is the first name
/// after <c>NetworkingBot.Core</c> in its namespace. A dependency is a <c>using</c> (plain, static, global or
/// aliased) of another folder's namespace, a fully qualified <c>NetworkingBot.Core.X.</c> name, or a name
/// qualified from the shared parent (<c>Scheduling.RoundSchedule</c>), which C# resolves without a using; that one
/// counts only when the name after the dot is a type or namespace of that folder, so a property that happens to be
/// called <c>Settings</c> is not taken for the folder. The root namespace's types and extension methods are
/// visible in every folder without a using, so any mention of their names is a dependency on <see cref="Root"/>.
/// </summary>
internal static partial class FolderDependencies
{
    public const string Root = "(root)";

    public static string? FolderOf(string @namespace) =>
        @namespace == "NetworkingBot.Core" ? Root
        : @namespace.StartsWith("NetworkingBot.Core.", StringComparison.Ordinal) ? @namespace["NetworkingBot.Core.".Length..].Split('.')[0]
        : null;

    public static string? NamespaceOf(string text) => NamespaceLine().Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    public static IReadOnlyList<FolderEdge> Scan(IReadOnlyList<SourceFile> files)
    {
        var folderOf = files.ToDictionary(f => f.Path, f => NamespaceOf(f.Text) is { } ns ? FolderOf(ns) : null, StringComparer.Ordinal);
        var folders = folderOf.Values.OfType<string>().Where(f => f != Root).ToHashSet(StringComparer.Ordinal);
        var names = DeclaredNames(files, folderOf);
        var rootNames = RootNames(files, folderOf);
        var edges = new List<FolderEdge>();
        foreach (var file in files)
        {
            if (folderOf[file.Path] is not { } from || from == Root)
            {
                continue;
            }

            void Add(string to, string evidence)
            {
                if (to != from && !edges.Any(e => e.From == from && e.To == to && e.File == file.Path))
                {
                    edges.Add(new FolderEdge(from, to, file.Path, evidence.Trim()));
                }
            }

            var code = NamespaceLine().Replace(file.Text, "");
            foreach (Match m in FullyQualified().Matches(code))
            {
                var name = m.Groups[1].Value;
                if (folders.Contains(name))
                {
                    Add(name, LineOf(code, m.Index));
                }
                else if (rootNames.Contains(name))
                {
                    Add(Root, LineOf(code, m.Index));
                }
            }

            foreach (Match m in PartlyQualified().Matches(code))
            {
                var (folder, member) = (m.Groups[1].Value, m.Groups[2].Value);
                if (folders.Contains(folder) && names.TryGetValue(folder, out var declared) && declared.Contains(member))
                {
                    Add(folder, LineOf(code, m.Index));
                }
            }

            foreach (var name in rootNames)
            {
                if (Regex.Match(code, $@"\b{name}\b") is { Success: true } m)
                {
                    Add(Root, LineOf(code, m.Index));
                }
            }
        }

        return edges;
    }

    /// <summary>The folders each folder depends on (the root namespace's own dependencies left out: it composes everything).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyCollection<string>> Graph(IEnumerable<FolderEdge> edges) =>
        edges.GroupBy(e => e.From, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyCollection<string>)g.Select(e => e.To).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

    // Types, and the sub-namespaces a name can be qualified through, per folder.
    private static Dictionary<string, HashSet<string>> DeclaredNames(IReadOnlyList<SourceFile> files, Dictionary<string, string?> folderOf)
    {
        var names = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (folderOf[file.Path] is not { } folder)
            {
                continue;
            }

            var set = names.TryGetValue(folder, out var found) ? found : names[folder] = new HashSet<string>(StringComparer.Ordinal);
            set.UnionWith(TypeDeclaration().Matches(file.Text).Select(m => m.Groups[1].Value));
            set.UnionWith(NamespaceOf(file.Text)!.Split('.').Skip(3));
        }

        return names;
    }

    // What the root namespace declares that its child namespaces see unqualified: its types and extension methods.
    private static HashSet<string> RootNames(IReadOnlyList<SourceFile> files, Dictionary<string, string?> folderOf)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => folderOf[f.Path] == Root))
        {
            names.UnionWith(TypeDeclaration().Matches(file.Text).Select(m => m.Groups[1].Value));
            names.UnionWith(ExtensionMethod().Matches(file.Text).Select(m => m.Groups[1].Value));
        }

        return names;
    }

    private static string LineOf(string text, int index)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        var end = text.IndexOf('\n', index);
        return text[start..(end < 0 ? text.Length : end)];
    }

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    // Covers "using NetworkingBot.Core.X;", "using static ...", "global using ...", "using A = ..." and names in code.
    [GeneratedRegex(@"(?<![\w.])(?:global::)?NetworkingBot\.Core\.(\w+)")]
    private static partial Regex FullyQualified();

    [GeneratedRegex(@"(?<![\w.:])([A-Z]\w*)\.([A-Z]\w*)")]
    private static partial Regex PartlyQualified();

    [GeneratedRegex(@"\b(?:class|struct|interface|enum|record|delegate\s+[\w<>\[\]?,]+)\s+([A-Z]\w*)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"\bstatic\s+[^=;{}()]+?\s(\w+)\s*(?:<[^>]*>)?\(\s*this\b")]
    private static partial Regex ExtensionMethod();
}
