using Microsoft.Extensions.DependencyInjection;

namespace NetworkingBot.Core.Commands;

public static class CommandRegistrationExtensions
{
    /// <summary>Registers a subcommand handler (scoped: one instance per command) and its spec.</summary>
    public static IServiceCollection AddCommand<THandler>(this IServiceCollection services)
        where THandler : class, ICommandHandler
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new CommandRegistration(THandler.Spec, typeof(THandler)));
        return services;
    }
}
