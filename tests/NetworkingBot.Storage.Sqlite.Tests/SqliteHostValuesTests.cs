using Xunit;

namespace NetworkingBot.Storage.Sqlite.Tests;

/// <summary>The host's named values (the shell's clock) live in the file and survive reopening it.</summary>
public sealed class SqliteHostValuesTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_value_is_missing_until_set_then_replaced_and_kept_across_opens()
    {
        var store = _database.Open();
        Assert.Null(await store.HostValues.GetAsync("shell:clock"));

        await store.HostValues.SetAsync("shell:clock", "2026-01-01T00:00:00.0000000+00:00");
        await store.HostValues.SetAsync("shell:clock", "2026-01-05T00:00:00.0000000+00:00");

        Assert.Equal("2026-01-05T00:00:00.0000000+00:00", await _database.Open().HostValues.GetAsync("shell:clock"));
        Assert.Null(await store.HostValues.GetAsync("other"));
    }
}
