using System.Text.Json.Nodes;

namespace NetworkingBot.Tests;

/// <summary>The runtime settings the bot ships with, read from the runtimeconfig.json its build writes.</summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void The_bot_compiles_methods_with_loops_optimized_from_their_first_call()
    {
        // Without it the first pairing round of each process ran its hot loops unoptimized (docs/PERFORMANCE.md).
        var path = Path.Combine(AppContext.BaseDirectory, "NetworkingBot.runtimeconfig.json");
        Assert.True(File.Exists(path), $"the bot's build did not write {path}");
        var properties = JsonNode.Parse(File.ReadAllText(path))!["runtimeOptions"]!["configProperties"]!;
        Assert.False(properties["System.Runtime.TieredCompilation.QuickJitForLoops"]?.GetValue<bool>() ?? true);
    }
}
