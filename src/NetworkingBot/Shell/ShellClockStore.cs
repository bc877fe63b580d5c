using System.Globalization;
using NetworkingBot.Storage.Redis.Client;
using NetworkingBot.Storage.Sqlite;

namespace NetworkingBot.Shell;

/// <summary>
/// Where the console shell keeps its clock: in the store in use, beside the rounds it scheduled, so a restart on
/// the same data continues at the time those rounds were planned for (a clock left behind would put every round
/// in the future and leave nobody eligible). The shell is not a core concept, so this is the host's port,
/// with one small implementation per store rather than a seventh store port in Core.
/// </summary>
public interface IShellClockStore
{
    Task<DateTimeOffset?> LoadAsync(CancellationToken cancellationToken);

    Task SaveAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>The clock as a row of the SQLite file's <c>host_values</c> table.</summary>
public sealed class SqliteShellClockStore(SqliteStore store) : IShellClockStore
{
    private const string Name = "shell:clock";

    public async Task<DateTimeOffset?> LoadAsync(CancellationToken cancellationToken) =>
        ShellClockText.Parse(await store.HostValues.GetAsync(Name, cancellationToken).ConfigureAwait(false));

    public Task SaveAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        store.HostValues.SetAsync(Name, ShellClockText.Format(now), cancellationToken);
}

/// <summary>The clock as one key under the deployment's prefix (<c>{prefix}shell:clock</c>).</summary>
public sealed class RedisShellClockStore(IRedisDatabase db) : IShellClockStore
{
    private const string Key = "shell:clock";

    public async Task<DateTimeOffset?> LoadAsync(CancellationToken cancellationToken) =>
        ShellClockText.Parse((await db.ExecuteAsync("GET", [db.KeyPrefix + Key], cancellationToken).ConfigureAwait(false)).AsString());

    public Task SaveAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        db.ExecuteAsync("SET", [db.KeyPrefix + Key, ShellClockText.Format(now)], cancellationToken);
}

internal static class ShellClockText
{
    public static string Format(DateTimeOffset now) => now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    // A value that does not parse (edited by hand) is ignored: the clock then starts from real time.
    public static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;
}
