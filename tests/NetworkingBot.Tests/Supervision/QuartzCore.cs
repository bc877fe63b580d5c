using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Core.Leases;
using NetworkingBot.Core.Network;
using NetworkingBot.Core.Pairing;
using NetworkingBot.Scheduling;
using NetworkingBot.Testing.Fakes;
using Quartz;

namespace NetworkingBot.Tests.Supervision;

/// <summary>
/// The real core on in-memory stores with the host's Quartz round scheduler over an unstarted scheduler: what the
/// scheduling tests need of the host without starting one. A test swaps in a failing schedule or round store.
/// </summary>
internal static class QuartzCore
{
    public static ServiceProvider Build(
        TimeProvider clock,
        ISchedulerFactory quartz,
        InMemoryStore store,
        IMessenger messenger,
        ICoffeeScheduleStore? schedules = null,
        IRoundStore? rounds = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddNetworkingCore();
        services.AddSingleton<IMemberStore>(store);
        services.AddSingleton(schedules ?? store);
        services.AddSingleton(rounds ?? store);
        services.AddSingleton<IInterviewStore>(new InMemoryInterviewStore());
        services.AddSingleton(messenger);
        services.AddSingleton<IJobLeadStore, InMemoryJobLeadStore>();
        services.AddSingleton<INetworkStore>(new InMemoryNetworkStore());
        services.AddSingleton<ILeaseStore>(new InMemoryLeaseStore(clock));
        services.AddSingleton<IPairingEngine>(new InOrderPairingEngine());
        services.AddSingleton(quartz);
        services.AddSingleton<IRoundScheduler, QuartzRoundScheduler>();
        return services.BuildServiceProvider();
    }
}
