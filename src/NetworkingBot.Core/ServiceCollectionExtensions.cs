using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.CoffeeChats.Handlers;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Core.Leases;
using NetworkingBot.Core.Network;
using NetworkingBot.Core.Pairing;
using NetworkingBot.Core.Privacy;

namespace NetworkingBot.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The command core and its programs. The host adds a store (the store ports, <see cref="Leases.ILeaseStore"/>
    /// among them: <see cref="CommunityLocks"/> need it, and <see cref="INetworkStore"/>), an <see cref="Abstractions.IMessenger"/> and an
    /// <see cref="CoffeeChats.IRoundScheduler"/>.
    /// </summary>
    public static IServiceCollection AddNetworkingCore(this IServiceCollection services)
    {
        services.AddOptions<CoffeeOptions>();
        services.AddOptions<Leases.LeaseOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPairingEngine, MaxWeightPairingEngine>();
        services.AddSingleton<CommandCatalog>();
        services.AddSingleton<CommandDispatcher>();
        services.AddSingleton<CommunityLocks>();
        services.AddScoped<RoundPlanner>();
        services.AddScoped<RoundDelivery>();
        services.AddSingleton<AcceptedDeliveries>();
        services.AddScoped<RoundCompletion>();
        services.AddScoped<CheckInService>();
        services.AddScoped<RoundService>();
        services.AddScoped<IPersonalDataSource, CoffeePersonalData>();
        services.AddScoped<IPersonalDataSource, DirectMessagePersonalData>();

        services.AddCommand<JoinHandler>();
        services.AddCommand<ProfileHandler>();
        services.AddCommand<EditHandler>();
        services.AddCommand<StatusHandler>();
        services.AddCommand<PauseHandler>();
        services.AddCommand<ResumeHandler>();
        services.AddCommand<SkipHandler>();
        services.AddCommand<LeaveHandler>();
        services.AddCommand<CheckInHandler>();
        services.AddCommand<SetupHandler>();
        services.AddCommand<PreviewHandler>();
        services.AddCommand<PairNowHandler>();
        services.AddCommand<StatsHandler>();
        services.AddCommand<ExportMeHandler>();
        services.AddCommand<ForgetMeHandler>();
        services.AddJobLeads();
        // Before interviews: a caller resolving one IDueWork gets the interviews' (the host runs them all).
        services.AddNetwork();
        services.AddInterviews();
        services.AddScoped<INetworkParticipants, CoffeeNetworkDirectory>();
        services.AddScoped<INetworkParticipants, InterviewNetworkParticipants>();
        services.AddScoped<Home.MemberHomeBuilder>();
        return services;
    }
}
