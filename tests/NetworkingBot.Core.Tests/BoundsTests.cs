using NetworkingBot.Core.Tests.Interviews;
using NetworkingBot.Core.Tests.JobLeads;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests;

/// <summary>
/// Every date and number a member types has bounds, and a value outside them gets its own clear answer and changes
/// nothing, never the generic apology of an out-of-range sum. The harness clock reads Wednesday 4 March 2026, 12:00
/// UTC: already the 5th in Kiritimati (UTC+14), still the 4th in Honolulu (UTC-10).
/// </summary>
public sealed class BoundsTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData("kiri", "/coffee pause until:0001-01-01", "date_in_past", "today is 2026-03-05 in Pacific/Kiritimati")]
    [InlineData("kiri", "/coffee pause until:2026-03-05", "date_in_past", "not in the future")]
    [InlineData("kiri", "/coffee pause until:9999-12-31", "date_too_far", "2027-03-05")]
    [InlineData("hono", "/coffee pause until:9999-12-31", "date_too_far", "2027-03-04")]
    [InlineData("hono", "/coffee pause until:0001-01-01", "date_in_past", "today is 2026-03-04 in Pacific/Honolulu")]
    [InlineData("hono", "/coffee pause until:2027-03-05", "date_too_far", "up to a year")]
    [InlineData("hono", "/coffee pause until:10000-01-01", "bad_date", "YYYY-MM-DD")]
    [InlineData("hono", "/coffee pause weeks:0", "bad_number", "from 1 to 52")]
    [InlineData("hono", "/coffee pause weeks:53", "bad_number", "from 1 to 52")]
    [InlineData("hono", "/coffee pause weeks:99999999999", "bad_number", "from 1 to 52")]
    [InlineData("ana", "/job share title:X employer:Y type:full-time remote:yes deadline:9999-12-31", "deadline_too_far", "2028-03-04")]
    [InlineData("ana", "/job share title:X employer:Y type:full-time remote:yes deadline:2028-03-05", "deadline_too_far", "more than 2 years")]
    [InlineData("ana", "/job share title:X employer:Y type:full-time remote:yes deadline:0001-01-01", "deadline_past", "already passed")]
    [InlineData("ana", "/job list page:0", "bad_number", "from 1 to 1000")]
    [InlineData("ana", "/job list page:1001", "bad_number", "from 1 to 1000")]
    [InlineData("ana", "/job list page:99999999999999", "bad_number", "from 1 to 1000")]
    [InlineData("ana", "/job close lead:0", "bad_number", "`lead` must be a lead's number, like `12`")]
    [InlineData("ana", "/job close lead:99999999999", "bad_number", "`lead` must be a lead's number, like `12`")]
    [InlineData("ana", "/job close lead:#-1", "bad_number", "`lead` must be a lead's number, like `12`")]
    [InlineData("ana", "/interview offer specialties:archives role:R capacity:0", "bad_number", "from 1 to 10")]
    [InlineData("ana", "/interview offer specialties:archives role:R capacity:11", "bad_number", "from 1 to 10")]
    [InlineData("ana", "/interview offer specialties:archives role:R capacity:9999999999", "bad_number", "from 1 to 10")]
    [InlineData("org", "/coffee setup checkin:0", "bad_number", "from 1 to 6")]
    [InlineData("org", "/coffee setup checkin:7", "bad_number", "from 1 to 6")]
    [InlineData("org", "/coffee setup checkin:99999999999", "bad_number", "from 1 to 6")]
    [InlineData("org", "/coffee setup time:24:00", "bad_time", "24-hour time")]
    [InlineData("org", "/job setup digest-time:25:00", "bad_time", "24-hour time")]
    public async Task A_value_out_of_bounds_is_answered_clearly_and_changes_nothing(string user, string line, string code, string says)
    {
        await _h.SetUpAsync();
        await _h.BoardAsync();
        TestData.Ok(await _h.RunAsync("kiri", "/coffee join tz:Pacific/Kiritimati"));
        TestData.Ok(await _h.RunAsync("hono", "/coffee join tz:Pacific/Honolulu"));
        await _h.ShareAsync("ana", "title:T employer:E type:full-time remote:yes");
        var before = await SnapshotAsync();

        var error = TestData.Failed(await _h.RunAsync(user, line, organiser: user == "org"), code);

        Assert.Contains(says, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("kiri", "/coffee pause until:2027-03-05")]
    [InlineData("hono", "/coffee pause until:2027-03-04")]
    [InlineData("hono", "/coffee pause until:2026-03-05")]
    [InlineData("ana", "/job share title:X employer:Y type:full-time remote:yes deadline:2028-03-04")]
    [InlineData("ana", "/job share title:X employer:Y type:full-time remote:yes deadline:2026-03-04")]
    public async Task The_last_value_inside_a_bound_is_taken(string user, string line)
    {
        await _h.BoardAsync();
        TestData.Ok(await _h.RunAsync("kiri", "/coffee join tz:Pacific/Kiritimati"));
        TestData.Ok(await _h.RunAsync("hono", "/coffee join tz:Pacific/Honolulu"));

        TestData.Ok(await _h.RunAsync(user, line));
    }

    private async Task<string> SnapshotAsync() => string.Join('\n',
        _h.Store.Snapshot(),
        string.Join('|', (await _h.LeadsAsync()).Select(l => l.ToString())),
        string.Join('|', (await _h.Interviews().ListOffersAsync(CoreHarness.Community)).Select(o => o.ToString())),
        (await _h.Jobs().GetBoardAsync(CoreHarness.Community))?.ToString(),
        _h.Messenger.Sent.Count);
}
