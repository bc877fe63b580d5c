using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetworkingBot.Discord.Client;

namespace NetworkingBot.Discord.Tests;

/// <summary>The Discord settings' rules, written beside the options and registered by the adapter.</summary>
public sealed class DiscordOptionsRulesTests
{
    [Fact]
    public void Good_settings_break_no_rule()
    {
        var options = new DiscordOptions { Token = "t", ShardCount = 2 };
        options.ShardIds.Add(1);

        Assert.Empty(new DiscordOptionsRules().Check(options));
    }

    [Fact]
    public void Each_broken_rule_names_its_setting()
    {
        var options = new DiscordOptions { Token = " ", ShardCount = 2, MaxInboundFrameBytes = 1024 };
        options.ShardIds.Add(2);

        var problems = new DiscordOptionsRules().Check(options).Select(p => p.ToString()).ToList();

        Assert.Collection(
            problems,
            p => Assert.StartsWith("Discord:Token is empty", p, StringComparison.Ordinal),
            p => Assert.StartsWith("Discord:ShardIds must be between 0 and Discord:ShardCount - 1; expected shard ids from 0 to 1", p, StringComparison.Ordinal),
            p => Assert.StartsWith("Discord:MaxInboundFrameBytes is 1024; expected at least 65536", p, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(51)]
    public void A_global_pace_outside_1_to_50_a_second_is_refused_with_the_range_and_the_default(int perSecond)
    {
        var problem = Assert.Single(new DiscordOptionsRules().Check(new DiscordOptions { Token = "t", GlobalPerSecond = perSecond }));

        Assert.StartsWith($"Discord:GlobalPerSecond is {perSecond}; expected from 1 to 50 (Discord's limit a bot); the default is 48", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(48)]
    [InlineData(50)]
    public void A_global_pace_from_1_to_50_is_accepted(int perSecond) =>
        Assert.Empty(new DiscordOptionsRules().Check(new DiscordOptions { Token = "t", GlobalPerSecond = perSecond }));

    [Fact]
    public void A_negative_shard_count_is_named_rather_than_the_ids()
    {
        var problem = Assert.Single(new DiscordOptionsRules().Check(new DiscordOptions { Token = "t", ShardCount = -1 }));

        Assert.Equal("Discord:ShardCount", problem.Setting);
    }

    [Fact]
    public void The_adapter_registers_the_rules_so_bad_settings_fail_when_the_options_are_built()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Token"] = "t", ["MaxInboundFrameBytes"] = "10" }).Build();
        using var provider = new ServiceCollection().AddLogging().AddDiscordNetAdapter(section).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains("Discord:MaxInboundFrameBytes is 10", Assert.Single(error.Failures), StringComparison.Ordinal);
    }
}
