using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Network.Handlers;
using NetworkingBot.Core.Privacy;

namespace NetworkingBot.Core.Network;

/// <summary>Registers the follow-up program ("My network") and /intro.</summary>
public static class NetworkServiceCollectionExtensions
{
    /// <summary>
    /// The program's commands and services. The host adds an <see cref="INetworkStore"/>; each program that knows
    /// members adds its <see cref="INetworkParticipants"/>.
    /// </summary>
    public static IServiceCollection AddNetwork(this IServiceCollection services)
    {
        services.AddScoped<INetworkDirectory, NetworkDirectory>();
        services.AddScoped<NetworkLog>();
        services.AddScoped<MemberOption>();
        services.AddScoped<ContactOption>();
        services.AddScoped<IPersonalDataSource, NetworkPersonalData>();
        services.AddScoped<IDueWork, NetworkDueWork>();

        services.AddCommand<ListHandler>();
        services.AddCommand<ShowHandler>();
        services.AddCommand<NoteHandler>();
        services.AddCommand<SpokeHandler>();
        services.AddCommand<AddHandler>();
        services.AddCommand<RemoveHandler>();
        services.AddCommand<ExportHandler>();
        services.AddCommand<NudgesHandler>();
        services.AddCommand<IntrosHandler>();
        services.AddCommand<IntroHandler>();
        services.AddCommand<IntroAnswerHandler>();
        services.AddCommand<NudgeAnswerHandler>();
        return services;
    }
}
