using NetworkingBot.Core.Commands;

namespace NetworkingBot.Shell;

/// <summary>
/// Where the shell puts the files that come with replies (an export as CSV): a folder <c>exports/</c> beside the
/// database file, each file under its own name or, when that is taken, <c>name-2.csv</c>, <c>name-3.csv</c>…,
/// created with <see cref="FileMode.CreateNew"/> so an earlier export is never overwritten, even by a second shell.
/// </summary>
public sealed class ShellFiles(string folder)
{
    /// <summary>The folder files go to.</summary>
    public string Folder => folder;

    /// <summary>
    /// <c>exports/</c> beside <paramref name="databasePath"/>; with no database file (the Redis store), beside the
    /// working directory's <c>exports/</c>.
    /// </summary>
    public static string FolderBeside(string? databasePath) =>
        Path.Combine(databasePath is { Length: > 0 } db ? Path.GetDirectoryName(Path.GetFullPath(db))! : Directory.GetCurrentDirectory(), "exports");

    /// <summary>Writes each file and returns the full paths, in order.</summary>
    public IReadOnlyList<string> Save(IReadOnlyList<ReplyFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            return [];
        }

        Directory.CreateDirectory(folder);
        return [.. files.Select(Save)];
    }

    private string Save(ReplyFile file)
    {
        var name = SafeName(file.Name);
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        for (var n = 1; ; n++)
        {
            var path = Path.Combine(folder, n == 1 ? name : $"{stem}-{n}{extension}");
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                stream.Write(file.Content.Span);
                return path;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Taken (by an earlier export or another shell at the same moment): try the next number.
            }
        }
    }

    // A name from a handler is still never a path: keep only its last part and characters every file system accepts.
    private static string SafeName(string name)
    {
        var last = Path.GetFileName(name.Replace('\\', '/'));
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string([.. last.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c)]).Trim('.', ' ');
        return safe.Length == 0 ? "file" : safe;
    }
}
