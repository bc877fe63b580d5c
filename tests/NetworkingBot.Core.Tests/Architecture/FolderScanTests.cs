namespace NetworkingBot.Core.Tests.Architecture;

/// <summary>The scanner and the cycle finder on small hand-made inputs, so each kind of reference is known to count.</summary>
public sealed class FolderScanTests
{
    private static Dictionary<string, IReadOnlyCollection<string>> Graph(params (string From, string To)[] edges) =>
        edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => (IReadOnlyCollection<string>)g.Select(e => e.To).ToList());

    private static IReadOnlyCollection<string> DependenciesOf(string folder, params SourceFile[] files) =>
        FolderDependencies.Graph(FolderDependencies.Scan(files)).GetValueOrDefault(folder) ?? [];

    private static SourceFile Declaring(string folder, string type) =>
        new($"{folder}/{type}.cs", $"namespace NetworkingBot.Core.{folder};\n\npublic sealed record {type};\n");

    [Fact]
    public void A_two_folder_cycle_is_named()
    {
        Assert.Equal([["A", "B", "A"]], FolderCycles.Find(Graph(("A", "B"), ("B", "A"))));
    }

    [Fact]
    public void A_cycle_through_several_folders_is_found_with_its_path()
    {
        var cycles = FolderCycles.Find(Graph(("D", "A"), ("A", "B"), ("B", "C"), ("C", "A"), ("C", "E")));

        Assert.Equal([["A", "B", "C", "A"]], cycles);
    }

    [Fact]
    public void Layers_without_a_way_back_have_no_cycle()
    {
        Assert.Empty(FolderCycles.Find(Graph(("A", "B"), ("A", "C"), ("B", "D"), ("C", "D"))));
    }

    [Fact]
    public void Every_loop_of_every_knot_is_reported_once()
    {
        var cycles = FolderCycles.Find(Graph(("A", "B"), ("B", "A"), ("B", "C"), ("C", "D"), ("D", "C"), ("A", "E"), ("E", "B")));

        // From B the shortest loop is B -> A -> B, the A -> B -> A loop again; from E it is E -> B -> A -> E.
        Assert.Equal([["A", "B", "A"], ["A", "E", "B", "A"], ["C", "D", "C"]], cycles);
    }

    [Theory]
    [InlineData("using NetworkingBot.Core.Leases;")]
    [InlineData("using static NetworkingBot.Core.Leases.Lock;")]
    [InlineData("global using NetworkingBot.Core.Leases;")]
    [InlineData("using L = NetworkingBot.Core.Leases.Lock;")]
    [InlineData("public sealed record User(global::NetworkingBot.Core.Leases.Lock Held);")]
    [InlineData("/// <see cref=\"Leases.Lock\"/>\npublic sealed record User;")]
    [InlineData("public sealed record User(Leases.Lock Held);")]
    public void Each_way_of_naming_another_folder_counts(string line)
    {
        var user = new SourceFile("Programs/User.cs", line.StartsWith("using", StringComparison.Ordinal) || line.StartsWith("global", StringComparison.Ordinal)
            ? $"{line}\n\nnamespace NetworkingBot.Core.Programs;\n"
            : $"namespace NetworkingBot.Core.Programs;\n\n{line}\n");

        Assert.Equal(["Leases"], DependenciesOf("Programs", user, Declaring("Leases", "Lock")));
    }

    [Fact]
    public void A_member_that_shares_a_folder_name_is_not_a_dependency()
    {
        // InterviewService has a property called Settings; Settings.MaxCandidates is not the Settings folder.
        var user = new SourceFile("Programs/User.cs", "namespace NetworkingBot.Core.Programs;\n\npublic sealed class User(Limits Settings)\n{\n    public int Max => Settings.MaxCandidates;\n}\n");

        Assert.Empty(DependenciesOf("Programs", user, Declaring("Settings", "SettingRules")));
    }

    [Fact]
    public void A_sub_namespace_belongs_to_its_top_folder()
    {
        var user = new SourceFile("Programs/Handlers/User.cs", "using NetworkingBot.Core.Commands.Text;\n\nnamespace NetworkingBot.Core.Programs.Handlers;\n");
        var text = new SourceFile("Commands/Text/Clean.cs", "namespace NetworkingBot.Core.Commands.Text;\n\npublic static class Clean;\n");

        Assert.Equal(["Commands"], DependenciesOf("Programs", user, text));
        Assert.Empty(DependenciesOf("Commands", user, text));
    }

    [Theory]
    [InlineData("public int Code => ExitCodes.Ok;")]
    [InlineData("public void Wire(IServiceCollection s) => s.AddEverything();")]
    public void A_name_from_the_root_namespace_counts_without_a_using(string member)
    {
        // Child namespaces see the root's types and extension methods unqualified, so only the names give it away.
        var root = new SourceFile("Composition.cs", "namespace NetworkingBot.Core;\n\npublic static class ExitCodes { public const int Ok = 0; }\n\npublic static class Wiring\n{\n    public static IServiceCollection AddEverything(this IServiceCollection services) => services;\n}\n");
        var user = new SourceFile("Programs/User.cs", $"namespace NetworkingBot.Core.Programs;\n\npublic sealed class User\n{{\n    {member}\n}}\n");

        Assert.Equal([FolderDependencies.Root], DependenciesOf("Programs", user, root));
    }
}
