using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.JobLeads.Handlers;
using NetworkingBot.Core.Network;
using NetworkingBot.Core.Privacy;

namespace NetworkingBot.Core.JobLeads;

/// <summary>Registers the job-leads program. The host adds an <see cref="IJobLeadStore"/>.</summary>
public static class JobLeadsServiceCollectionExtensions
{
    public static IServiceCollection AddJobLeads(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>();
        services.AddScoped<MemberZones>();
        services.AddScoped<JobLeadNotifier>();
        services.AddScoped<JobLeadPosts>();
        services.AddScoped<JobLeadSharing>();
        services.AddScoped<JobSchedule>();
        services.AddScoped<IPersonalDataSource, JobPersonalData>();
        services.AddScoped<IUsefulLeadFinder, UsefulLeadFinder>();
        services.AddCommand<ShareHandler>();
        services.AddCommand<JobListHandler>();
        services.AddCommand<CloseHandler>();
        services.AddCommand<ShowHandler>();
        services.AddCommand<SubscribeHandler>();
        services.AddCommand<SubscriptionsHandler>();
        services.AddCommand<UnsubscribeHandler>();
        services.AddCommand<JobSetupHandler>();
        services.AddCommand<JobStatsHandler>();
        return services;
    }
}
