using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkingBot.Core;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Core.Leases;
using NetworkingBot.Core.Pairing;
using NetworkingBot.Slack.Socket;
using NetworkingBot.Testing.FakeSlack;
using NetworkingBot.Testing.Fakes;
using NetworkingBot.Testing;

namespace NetworkingBot.Slack.Tests;

/// <summary>
/// Two bot instances connected to one Slack app and one store: Slack may hand the same envelope (or a retry of one
/// event) to a socket of each, and only the first instance to claim it in the shared lease store processes it.
/// </summary>
public sealed class SeveralInstancesTests
{
    [Fact]
    public async Task One_envelope_delivered_to_both_instances_is_processed_once()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        var shared = new SharedStores(new InMemoryLeaseStore());
        await using var a = await Instance.StartAsync(slack, shared);
        var toA = await slack.NextSocketAsync();
        await using var b = await Instance.StartAsync(slack, shared);
        var toB = await slack.NextSocketAsync();
        var envelope = SlackEnvelopes.SlashCommand("join tz:UTC", "U0DUP001", responseUrl: slack.ResponseUrl("dup"));
        var id = envelope["envelope_id"]!.GetValue<string>();

        await Task.WhenAll(toA.SendEnvelopeAsync(envelope), toB.SendEnvelopeAsync(envelope.DeepClone().AsObject()));
        await Eventually.TrueAsync(() => slack.AcksFor(id).Count == 2);

        Assert.Single(slack.AcksFor(id), ack => ack.Payload is not null);
        Assert.Empty(slack.ResponsesFor("dup"));
        Assert.Single(await ((IMemberStore)shared.Store).ListAsync("slack:T111"));
    }

    [Fact]
    public async Task A_retried_event_in_a_new_envelope_on_the_other_instance_is_dropped_there()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        var leases = new InMemoryLeaseStore();
        var shared = new SharedStores(leases);
        await using var a = await Instance.StartAsync(slack, shared);
        var toA = await slack.NextSocketAsync();
        await using var b = await Instance.StartAsync(slack, shared);
        var toB = await slack.NextSocketAsync();

        await toA.SendEnvelopeAsync(SlackEnvelopes.Event("Ev0001", envelopeId: "env-1"));
        await slack.WaitForAckAsync("env-1");
        Assert.Equal(0, leases.Refusals);
        await toB.SendEnvelopeAsync(SlackEnvelopes.Event("Ev0001", retryAttempt: 1, envelopeId: "env-2"));
        await slack.WaitForAckAsync("env-2");

        // The new envelope id was free; the event id was not.
        Assert.Equal(1, leases.Refusals);
    }

    [Fact]
    public async Task When_the_store_cannot_take_the_claim_the_envelope_is_processed_rather_than_lost()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        await using var a = await Instance.StartAsync(slack, new SharedStores(new UnreachableLeases()));
        var toA = await slack.NextSocketAsync();
        var envelope = SlackEnvelopes.SlashCommand("join tz:UTC", "U0SOLO01", responseUrl: slack.ResponseUrl("solo"));

        await toA.SendEnvelopeAsync(envelope);
        var ack = await slack.WaitForAckAsync(envelope["envelope_id"]!.GetValue<string>());

        Assert.NotNull(ack.Payload);
    }

    /// <summary>What two instances share: the store (in memory here) and the lease store.</summary>
    private sealed record SharedStores(ILeaseStore Leases)
    {
        public InMemoryStore Store { get; } = new();

        public InMemoryJobLeadStore Jobs { get; } = new();

        public InMemoryInterviewStore Interviews { get; } = new();

        // One log for every instance, as on a shared Redis: a check-in answered on one instance is in the other's log.
        public InMemoryNetworkStore Network { get; } = new();
    }

    /// <summary>One instance: the real core and Slack adapter in a container of its own, with one socket.</summary>
    private sealed class Instance(ServiceProvider services, IHostedService sockets) : IAsyncDisposable
    {
        public static async Task<Instance> StartAsync(FakeSlackServer slack, SharedStores shared)
        {
            var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AppToken"] = "xapp-1-A111-test",
                ["BotToken"] = "xoxb-test",
                ["ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
                ["Connections"] = "1",
                ["ReconnectDelay"] = "00:00:00.100",
            }).Build();
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddNetworkingCore();
            services.AddSingleton<IMemberStore>(shared.Store);
            services.AddSingleton<ICoffeeScheduleStore>(shared.Store);
            services.AddSingleton<IRoundStore>(shared.Store);
            services.AddSingleton<IJobLeadStore>(shared.Jobs);
            services.AddSingleton<NetworkingBot.Core.Network.INetworkStore>(shared.Network);
            services.AddSingleton<IInterviewStore>(shared.Interviews);
            services.AddSingleton(shared.Leases);
            services.AddSingleton<IRoundScheduler>(new RecordingScheduler());
            services.AddSingleton<IPairingEngine>(new InOrderPairingEngine());
            services.AddSingleton<IMessenger>(sp => new SlackOnly(sp.GetRequiredService<IPlatformMessenger>()));
            services.AddSlackAdapter(section);
            var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
            var hosted = provider.GetServices<IHostedService>().OfType<SocketModeService>().Single();
            await hosted.StartAsync(CancellationToken.None);
            return new Instance(provider, hosted);
        }

        public async ValueTask DisposeAsync()
        {
            await sockets.StopAsync(CancellationToken.None);
            await services.DisposeAsync();
        }
    }

    private sealed class SlackOnly(IPlatformMessenger slack) : IMessenger
    {
        public Task SendAsync(OutboundMessage message, CancellationToken cancellationToken = default) => slack.SendAsync(message, cancellationToken);

        public bool SupportsGroups(string communityId) => slack.SupportsGroups;
    }

    private sealed class UnreachableLeases : ILeaseStore
    {
        public Task<bool> TryAcquireAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken = default) =>
            throw new IOException("store unreachable");

        public Task<bool> RenewAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken = default) =>
            throw new IOException("store unreachable");

        public Task<bool> ReleaseAsync(string name, string owner, CancellationToken cancellationToken = default) =>
            throw new IOException("store unreachable");
    }
}
