using Microsoft.Extensions.Configuration;

namespace NetworkingBot.Hosting.Settings;

/// <summary>
/// Settings renamed to the product's one spelling ("organiser"). Operators configured the old keys, so they are still
/// read (deprecated): an old key's values are placed as the new key's, in a source just above the settings files.
/// So the new key set in the environment or on the command line wins, and an old key set anywhere still wins over
/// the shipped appsettings.json, which carries only the new spelling.
/// </summary>
public static class RenamedSettings
{
    /// <summary>Old key → the key it is now read as.</summary>
    public static IReadOnlyList<(string Old, string New)> Renamed { get; } =
    [
        ("Shell:Organizers", "Shell:Organisers"),
        ("Discord:OrganizerRoleIds", "Discord:OrganiserRoleIds"),
        ("Slack:OrganizerUserIds", "Slack:OrganiserUserIds"),
    ];

    /// <summary>Reads every old key set in <paramref name="configuration"/> as its new key; call once, after the sources are added.</summary>
    public static void Apply(IConfigurationBuilder configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var read = configuration is IConfigurationRoot root ? root : configuration.Build();
        var aliases = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (old, now) in Renamed)
        {
            var section = read.GetSection(old);
            if (section.Value is not null)
            {
                aliases[now] = section.Value;
            }

            foreach (var (key, value) in section.AsEnumerable(makePathsRelative: true))
            {
                aliases[$"{now}:{key}"] = value;
            }
        }

        if (aliases.Count == 0)
        {
            return;
        }

        // Above the settings files (the shipped defaults), below the environment and the command line.
        var sources = configuration.Sources;
        var lastFile = sources.Select((source, index) => (source, index)).LastOrDefault(s => s.source is FileConfigurationSource).index;
        sources.Insert(sources.Any(s => s is FileConfigurationSource) ? lastFile + 1 : 0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = aliases });
    }
}
