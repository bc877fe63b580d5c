using System.Text.Json;

namespace NetworkingBot.Discord.Tests.Rest;

internal static class Fixture
{
    public static JsonElement Load(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Rest", name)));
        return document.RootElement.Clone();
    }

    /// <summary>A response carrying the "headers" object of a transcribed fixture.</summary>
    public static HttpResponseMessage Response(string name)
    {
        var fixture = Load(name);
        var response = new HttpResponseMessage((System.Net.HttpStatusCode)(fixture.TryGetProperty("status", out var s) ? s.GetInt32() : 200));
        foreach (var header in fixture.GetProperty("headers").EnumerateObject())
        {
            response.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
        }

        return response;
    }
}
