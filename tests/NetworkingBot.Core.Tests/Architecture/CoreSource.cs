namespace NetworkingBot.Core.Tests.Architecture;

/// <summary>The repository's source files, found from the test's own directory (bin/... under the repository).</summary>
internal static class CoreSource
{
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NetworkingBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("NetworkingBot.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Every C# file of the Core project (build output left out), paths relative to the project.</summary>
    public static IReadOnlyList<SourceFile> Core() => Read(Path.Combine(RepositoryRoot(), "src", "NetworkingBot.Core"));

    public static IReadOnlyList<SourceFile> Read(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(directory, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith("obj/", StringComparison.Ordinal) && !path.StartsWith("bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => new SourceFile(path, File.ReadAllText(Path.Combine(directory, path))))];
}
