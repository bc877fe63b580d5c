using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Interviews.Handlers;
using NetworkingBot.Core.Privacy;

namespace NetworkingBot.Core.Interviews;

public static class InterviewServiceCollectionExtensions
{
    /// <summary>The informational-interview program: its commands, services, timed steps and personal data. The host adds an <see cref="IInterviewStore"/>.</summary>
    public static IServiceCollection AddInterviews(this IServiceCollection services)
    {
        services.AddOptions<InterviewOptions>();
        services.AddSingleton<InterviewGate>();
        services.AddScoped<InterviewService>();
        services.AddScoped<InterviewResponses>();
        services.AddScoped<IDueWork, InterviewDueWork>();
        services.AddScoped<IPersonalDataSource, InterviewPersonalData>();

        services.AddCommand<OfferHandler>();
        services.AddCommand<OfferPauseHandler>();
        services.AddCommand<OfferResumeHandler>();
        services.AddCommand<OfferStopHandler>();
        services.AddCommand<RequestHandler>();
        services.AddCommand<InterviewListHandler>();
        services.AddCommand<CancelHandler>();
        services.AddCommand<RespondHandler>();
        services.AddCommand<FollowUpHandler>();
        services.AddCommand<InterviewStatsHandler>();
        return services;
    }
}
