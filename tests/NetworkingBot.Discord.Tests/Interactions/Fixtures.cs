using System.Text.Json;

namespace NetworkingBot.Discord.Tests.Interactions;

/// <summary>Loads a copied fixture (see Fixtures/*/SOURCES.md for where each comes from).</summary>
internal static class Fixtures
{
    public static JsonElement Load(string relativePath) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath))).RootElement.Clone();
}
