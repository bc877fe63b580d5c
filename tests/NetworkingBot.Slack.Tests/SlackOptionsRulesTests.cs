using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NetworkingBot.Slack.Tests;

/// <summary>The Slack settings' rules, written beside the options and registered by the adapter.</summary>
public sealed class SlackOptionsRulesTests
{
    [Fact]
    public void Good_settings_break_no_rule() =>
        Assert.Empty(new SlackOptionsRules().Check(new SlackOptions { AppToken = "xapp-1", BotToken = "xoxb-1" }));

    [Fact]
    public void Each_broken_rule_names_its_setting()
    {
        var options = new SlackOptions
        {
            AppToken = "xoxb-1", BotToken = "xapp-1", Connections = 11, ApiBaseUrl = new Uri("https://slack.com/api"),
            InstantAnswerBudget = TimeSpan.FromSeconds(3), MaxFrameBytes = 10,
        };

        var settings = new SlackOptionsRules().Check(options).Select(p => p.Setting);

        Assert.Equal(["Slack:AppToken", "Slack:BotToken", "Slack:Connections", "Slack:ApiBaseUrl", "Slack:InstantAnswerBudget", "Slack:MaxFrameBytes"], settings);
    }

    [Fact]
    public void The_adapter_registers_the_rules_so_bad_settings_fail_when_the_options_are_built()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AppToken"] = "xapp-1", ["BotToken"] = "xoxb-1", ["Connections"] = "0",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddSlackAdapter(section).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SlackOptions>>().Value);

        Assert.StartsWith("Slack:Connections must be from 1 to 10 (is 0)", Assert.Single(error.Failures), StringComparison.Ordinal);
    }
}
