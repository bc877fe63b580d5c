using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NetworkingBot.Hosting;

/// <summary>Puts the platform adapters' long-running services under one <see cref="AdapterSupervisor"/>.</summary>
public static class AdapterSupervision
{
    private const string ProjectPrefix = "NetworkingBot.";

    /// <summary>
    /// Runs <paramref name="addPlatforms"/>, then takes every <see cref="BackgroundService"/> it registered as a hosted
    /// service away from the host and hands it to the supervisor instead. The adapters keep registering themselves the
    /// ordinary way (and their own tests keep starting them directly); only the host decides how they are run.
    /// Returns what <paramref name="addPlatforms"/> returned.
    /// </summary>
    public static bool SupervisePlatforms(this IServiceCollection services, Func<bool> addPlatforms)
    {
        var before = services.Count;
        var result = addPlatforms();
        var adapters = services.Skip(before)
            .Where(d => d.ServiceType == typeof(IHostedService) && !d.IsKeyedService
                && d.ImplementationType is { } type && type.IsAssignableTo(typeof(BackgroundService)))
            .ToList();
        foreach (var descriptor in adapters)
        {
            var type = descriptor.ImplementationType!;
            services.Remove(descriptor);
            services.AddSingleton(type);
            services.AddSingleton(sp => new SupervisedAdapter(PlatformName(type), (BackgroundService)sp.GetRequiredService(type)));
        }

        if (adapters.Count > 0)
        {
            services.AddSingleton<AdapterSupervisor>();
            services.AddHostedService(sp => sp.GetRequiredService<AdapterSupervisor>());
        }

        return result;
    }

    /// <summary>"NetworkingBot.Discord" → "Discord": the adapter's project names its platform.</summary>
    internal static string PlatformName(Type type)
    {
        var assembly = type.Assembly.GetName().Name ?? type.Name;
        return assembly.StartsWith(ProjectPrefix, StringComparison.Ordinal) ? assembly[ProjectPrefix.Length..] : assembly;
    }
}
