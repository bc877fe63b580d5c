using NetworkingBot.Core.JobLeads;
using NetworkingBot.Core.Network;
using NetworkingBot.Storage.Redis.Client;
using NetworkingBot.Testing.StoreContract;
using Xunit;

namespace NetworkingBot.Storage.Redis.Tests;

/// <summary>
/// A call may reach the server twice (sent again after its reply was lost to a dropped connection, as a retry
/// policy would). Here every script runs twice and the caller gets the second reply: it must be the answer the
/// first run gave.
/// </summary>
public sealed class ResentScriptTests : IAsyncLifetime, IAsyncDisposable
{
    private const string C = "console:contract";
    private static readonly DateTimeOffset T0 = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);
    private readonly FreshStores _stores = new();

    [RedisFact]
    public async Task A_lead_added_twice_by_one_call_is_one_lead_with_one_number()
    {
        var (store, twice) = await OpenAsync();

        var first = await twice.JobLeads.AddLeadAsync(JobLeadStoreContractTests.Lead("One"));
        var second = await twice.JobLeads.AddLeadAsync(JobLeadStoreContractTests.Lead("Two"));

        Assert.Equal((1, 2), (first.Number, second.Number));
        Assert.Equal(["Two", "One"], (await store.JobLeads.ListLeadsAsync(C, DateTimeOffset.MinValue)).Select(l => l.Title));
    }

    [RedisFact]
    public async Task A_delivery_recorded_twice_by_one_call_is_still_won_by_that_call_only()
    {
        var (store, twice) = await OpenAsync();

        Assert.True(await twice.JobLeads.TryRecordDeliveryAsync(C, "amy", 1, T0));
        Assert.False(await store.JobLeads.TryRecordDeliveryAsync(C, "amy", 1, T0));
        Assert.False(await twice.JobLeads.TryRecordDeliveryAsync(C, "amy", 1, T0));
    }

    [RedisFact]
    public async Task A_request_added_and_updated_twice_by_one_call_reports_success_once_per_call()
    {
        var (store, twice) = await OpenAsync();
        var request = InterviewStoreContractTests.Request("r1", due: T0);

        Assert.True(await twice.Interviews.AddRequestAsync(request));
        Assert.True(await twice.Interviews.TryUpdateRequestAsync(request.Next() with { DueAt = T0.AddHours(1) }));
        Assert.False(await store.Interviews.TryUpdateRequestAsync(request.Next()));
        Assert.False(await store.Interviews.AddRequestAsync(request));

        Assert.Equal(1, (await store.Interviews.GetRequestAsync("r1"))!.Version);
        Assert.Equal(T0.AddHours(1), await store.Interviews.NextDueAsync());
    }

    [RedisFact]
    public async Task Network_notes_intros_takes_removals_and_forgetting_sent_twice_by_one_call_happen_once_and_answer_as_first()
    {
        var (store, twice) = await OpenAsync();
        await store.Network.RecordMeetingAsync(new NetworkContact(C, "ana", "sam", "coffee chat", T0, T0));
        await store.Network.RecordMeetingAsync(new NetworkContact(C, "ana", "lee", "coffee chat", T0, T0));
        var note = new NetworkNote(C, "ana", "lee", T0, "once");
        var intro = new IntroRecord(C, "ana", "sam", "lee", T0);
        var nudge = new NetworkNudge(C, "ana", "sam", NudgeKind.ThankYou, T0.AddDays(1));
        await store.Network.ScheduleNudgeAsync(nudge);

        await twice.Network.AddNoteAsync(note);
        await twice.Network.AddIntroAsync(intro);
        Assert.Equal([nudge], await twice.Network.TakeNudgesAsync([nudge]));
        Assert.Empty(await store.Network.TakeNudgesAsync([nudge]));
        Assert.True(await twice.Network.RemoveContactAsync(C, "ana", "sam"));
        Assert.False(await twice.Network.RemoveContactAsync(C, "ana", "sam"));

        Assert.Equal([note], await store.Network.ListAllNotesAsync(C, "ana"));
        Assert.Equal([intro], await store.Network.ListIntrosSinceAsync(C, "ana", T0));
        Assert.Equal(2, await twice.Network.ForgetMemberAsync(C, "ana"));
        Assert.Equal(0, await twice.Network.ForgetMemberAsync(C, "ana"));
    }

    private async Task<(RedisStore Store, RedisStore Twice)> OpenAsync()
    {
        var connection = _stores.Connect();
        var db = new RedisDatabase(connection);
        var store = new RedisStore(db);
        await store.InitializeAsync();
        return (store, new RedisStore(new ScriptsRunTwice(db)));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // xunit 2 calls IAsyncLifetime on a test class, never IAsyncDisposable: without this the keys and connections stay.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public ValueTask DisposeAsync() => _stores.DisposeAsync();

    /// <summary>Runs every script twice and returns the second reply; everything else passes through.</summary>
    private sealed class ScriptsRunTwice(IRedisDatabase inner) : DelegatingRedisDatabase(inner)
    {
        public override async Task<RedisResult> ScriptEvaluateAsync(LuaScript script, IReadOnlyList<string> keys, IReadOnlyList<string> values, CancellationToken cancellationToken = default)
        {
            await Inner.ScriptEvaluateAsync(script, keys, values, cancellationToken);
            return await Inner.ScriptEvaluateAsync(script, keys, values, cancellationToken);
        }
    }
}
