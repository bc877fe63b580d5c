using System.Globalization;
using System.Reflection;

namespace NetworkingBot.Storage.Sqlite;

/// <summary>One numbered schema script, e.g. <c>Migrations/0002_add_index.sql</c> is version 2.</summary>
internal sealed record Migration(int Version, string Name, string Sql)
{
    private const string Prefix = "Migrations/";

    /// <summary>The scripts embedded in this assembly, in version order.</summary>
    public static IReadOnlyList<Migration> LoadEmbedded()
    {
        var assembly = typeof(Migration).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Load(assembly, name))
            .OrderBy(m => m.Version)
            .ToList();

        // Two scripts with one number would apply in an arbitrary order; refuse rather than guess.
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.");
        }

        return migrations;
    }

    private static Migration Load(Assembly assembly, string resource)
    {
        var name = resource[Prefix.Length..^".sql".Length];
        var digits = name.Split('_', 2)[0];
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration '{resource}' must start with its number, like 0001_initial.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Migration resource '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return new Migration(version, name, reader.ReadToEnd());
    }
}
