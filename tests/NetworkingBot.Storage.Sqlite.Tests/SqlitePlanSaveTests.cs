using Dapper;
using Microsoft.Data.Sqlite;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Testing.StoreContract;
using Xunit;
using static NetworkingBot.Testing.StoreContract.StoreSamples;

namespace NetworkingBot.Storage.Sqlite.Tests;

/// <summary>
/// Issue 16: a member's row failing in the middle of saving a plan (a full disk, here a trigger that aborts the
/// write) rolls back the round and every member written before it.
/// </summary>
public sealed class SqlitePlanSaveTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task A_member_write_failing_mid_save_leaves_the_round_claimed_and_every_member_as_it_was()
    {
        var store = _database.Open();
        await store.InitializeAsync();
        var members = Enumerable.Range(0, 300).Select(i => Member("c1", $"m{i:D3}")).ToList();
        foreach (var member in members)
        {
            await store.Members.UpsertAsync(member);
        }

        var claimed = await store.Rounds.TryClaimAsync(Round("c1", "s1"));
        var planned = claimed! with { Status = RoundStatus.Planned, Groups = [Group(0, "m000", "m001")] };
        var bookkeeping = members.Select(m => new MemberRoundUpdate(m.UserId, T0.AddDays(7), SkipNext: false)).ToList();
        await using (var connection = await OpenAsync())
        {
            await connection.ExecuteAsync(
                "CREATE TRIGGER disk_full BEFORE UPDATE ON members WHEN NEW.user_id = 'm143' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;");
        }

        var failure = await Assert.ThrowsAsync<SqliteException>(() => store.Rounds.SavePlanAsync(planned, bookkeeping));

        Assert.Contains("disk is full", failure.Message, StringComparison.Ordinal);
        StoreAssert.Same(claimed, await store.Rounds.GetAsync(claimed.RoundId));
        var after = await store.Members.ListAsync("c1");
        Assert.Equal(300, after.Count);
        Assert.All(members.Zip(after), pair => StoreAssert.Same(pair.First, pair.Second));
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _database.PathOf(), Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    public void Dispose() => _database.Dispose();
}
