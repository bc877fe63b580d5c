using NetworkingBot.Core.Leases;
using NetworkingBot.Testing.FakeSlack;
using NetworkingBot.Testing.Fakes;
using NetworkingBot.Testing;

namespace NetworkingBot.Slack.Tests;

/// <summary>
/// The socket's receive loop only reads: each envelope's work runs on a task of its own, so work that holds its
/// thread (SQLite's "async" calls are synchronous underneath) cannot keep the envelopes behind it from being read
/// and acked. Before this, 50 envelopes in a burst were read one after another, each after the previous one's claim
/// and command had run on the loop's thread.
/// </summary>
public sealed class ReceiveLoopTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_envelope_whose_claim_holds_its_thread_does_not_hold_up_the_next_envelope_on_the_socket()
    {
        var leases = new FirstClaimHoldsItsThread();
        await using var host = await SlackTestHost.StartAsync(leases: leases);
        var socket = await host.Slack.NextSocketAsync();
        try
        {
            await socket.SendEnvelopeAsync(SlackEnvelopes.Event("Ev0001", envelopeId: "env-held"));
            await leases.Holding.WaitAsync(Patience);

            await socket.SendEnvelopeAsync(SlackEnvelopes.Event("Ev0002", envelopeId: "env-next"));
            await host.Slack.WaitForAckAsync("env-next", Patience);

            Assert.Empty(host.Slack.AcksFor("env-held"));
        }
        finally
        {
            leases.Let();
        }

        await host.Slack.WaitForAckAsync("env-held", Patience);
    }

    /// <summary>A lease store whose claim of env-held blocks its calling thread until <see cref="Let"/>, as a busy SQLite file does.</summary>
    private sealed class FirstClaimHoldsItsThread : ILeaseStore
    {
        private readonly InMemoryLeaseStore _inner = new();
        private readonly TaskCompletionSource _let = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Holding => _holding.Task;

        public void Let() => _let.TrySetResult();

        public Task<bool> TryAcquireAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken = default)
        {
            if (name.EndsWith(":env-held", StringComparison.Ordinal))
            {
                _holding.TrySetResult();
                // Blocks the thread, not just the task: what a synchronous SQLite call does.
                _let.Task.Wait(cancellationToken);
            }

            return _inner.TryAcquireAsync(name, owner, ttl, cancellationToken);
        }

        public Task<bool> RenewAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken = default) =>
            _inner.RenewAsync(name, owner, ttl, cancellationToken);

        public Task<bool> ReleaseAsync(string name, string owner, CancellationToken cancellationToken = default) =>
            _inner.ReleaseAsync(name, owner, cancellationToken);
    }
}
