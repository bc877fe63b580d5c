namespace NetworkingBot.Core.Tests.Architecture;

/// <summary>
/// Core's folders form layers: no folder depends on one that depends back on it, and none on the root namespace,
/// which composes them all. A cycle would mean neither side can be read, tested or benchmarked without the other.
/// </summary>
public sealed class FolderCycleTests
{
    private static readonly Lazy<IReadOnlyList<SourceFile>> Files = new(CoreSource.Core);

    [Fact]
    public void Core_folders_depend_on_each_other_without_cycles()
    {
        var edges = FolderDependencies.Scan(Files.Value);

        var cycles = FolderCycles.Find(FolderDependencies.Graph(edges.Where(e => e.To != FolderDependencies.Root)));

        Assert.True(cycles.Count == 0, Describe(cycles, edges));
    }

    [Fact]
    public void No_folder_depends_on_the_root_namespace()
    {
        var onRoot = FolderDependencies.Scan(Files.Value).Where(e => e.To == FolderDependencies.Root).ToList();

        Assert.True(onRoot.Count == 0, "The root namespace composes every folder, so no folder may use it:\n" + string.Join("\n", onRoot));
    }

    [Fact]
    public void Every_file_sits_in_the_folder_its_namespace_names()
    {
        // The map from file to folder is read from namespaces; a file filed elsewhere would make the map lie.
        var misplaced = Files.Value
            .Select(f => (f.Path, Namespace: FolderDependencies.NamespaceOf(f.Text)))
            .Where(f => f.Namespace is null
                || FolderDependencies.FolderOf(f.Namespace) != (f.Path.Contains('/', StringComparison.Ordinal) ? f.Path.Split('/')[0] : FolderDependencies.Root))
            .Select(f => $"{f.Path}: namespace {f.Namespace ?? "(none)"}")
            .ToList();

        Assert.True(misplaced.Count == 0, "Files whose namespace names another folder:\n" + string.Join("\n", misplaced));
    }

    [Fact]
    public void The_scan_reads_the_real_tree()
    {
        // Guards the tests above against passing on an empty or misread tree.
        var graph = FolderDependencies.Graph(FolderDependencies.Scan(Files.Value));

        Assert.True(Files.Value.Count > 100, $"only {Files.Value.Count} Core files found");
        Assert.Contains("Pairing", graph["CoffeeChats"]);
        Assert.Contains("Leases", graph["CoffeeChats"]);
        Assert.Contains("Scheduling", graph["CoffeeChats"]);
        Assert.Contains("Commands", graph["JobLeads"]);
        Assert.Contains("Commands", graph["Abstractions"]);
    }

    [Fact]
    public void The_pairing_engine_depends_on_no_other_folder()
    {
        var outgoing = FolderDependencies.Scan(Files.Value).Where(e => e.From == "Pairing").ToList();

        Assert.True(outgoing.Count == 0, "Pairing must stand alone (its benchmark reads only it):\n" + string.Join("\n", outgoing));
    }

    [Fact]
    public void The_pairing_benchmark_reads_only_the_pairing_engine()
    {
        var bench = CoreSource.Read(Path.Combine(CoreSource.RepositoryRoot(), "bench", "NetworkingBot.Benchmarks"));

        var others = bench
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(f.Text, @"NetworkingBot\.Core\.(\w+)").Select(m => (f.Path, Folder: m.Groups[1].Value)))
            .Where(r => r.Folder != "Pairing")
            .Select(r => $"{r.Path}: NetworkingBot.Core.{r.Folder}")
            .ToList();

        Assert.NotEmpty(bench);
        Assert.True(others.Count == 0, "The pairing benchmark names other Core folders:\n" + string.Join("\n", others));
    }

    [Fact]
    public void A_cycle_put_into_the_real_tree_is_caught_and_named()
    {
        // One line in Pairing naming a coffee-chat type, as Pairing once did with LookingFor.
        var injected = new SourceFile("Pairing/Injected.cs", "namespace NetworkingBot.Core.Pairing;\n\ninternal sealed record Injected(NetworkingBot.Core.CoffeeChats.LookingFor Wish);\n");
        var edges = FolderDependencies.Scan([.. Files.Value, injected]);

        var cycles = FolderCycles.Find(FolderDependencies.Graph(edges.Where(e => e.To != FolderDependencies.Root)));

        var cycle = Assert.Single(cycles);
        Assert.Equal(["CoffeeChats", "Pairing", "CoffeeChats"], cycle);
        Assert.Contains("Pairing/Injected.cs", Describe(cycles, edges), StringComparison.Ordinal);
    }

    internal static string Describe(IReadOnlyList<IReadOnlyList<string>> cycles, IReadOnlyList<FolderEdge> edges) =>
        "Core folders that depend on each other:\n" + string.Join("\n", cycles.Select(cycle =>
            string.Join(" -> ", cycle) + "\n" + string.Join("\n", cycle.Zip(cycle.Skip(1)).Select(step =>
                "  " + edges.First(e => e.From == step.First && e.To == step.Second)))));
}
