using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkingBot.Charts;
using NetworkingBot.Core;
using NetworkingBot.Core.Charts;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Core.Settings;

namespace NetworkingBot.Hosting;

/// <summary>The core: the command road and the programs, with each program's settings and their rules.</summary>
public static class ProgramsHostingExtensions
{
    public static HostApplicationBuilder AddPrograms(this HostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        builder.Services.AddOptions<CoffeeOptions>().Bind(configuration.GetSection(CoffeeOptions.Section)).ValidateWith(new CoffeeOptionsRules());
        builder.Services.AddOptions<JobOptions>().Bind(configuration.GetSection(JobOptions.Section)).ValidateWith(new JobOptionsRules());
        builder.Services.AddOptions<InterviewOptions>().Bind(configuration.GetSection(InterviewOptions.Section)).ValidateWith(new InterviewOptionsRules());
        builder.Services.AddNetworkingCore();

        // Stats answer with charts too; drawing stays out of the core (IChartRenderer is its port).
        builder.Services.AddSingleton<IChartRenderer, ScottPlotChartRenderer>();
        return builder;
    }
}
