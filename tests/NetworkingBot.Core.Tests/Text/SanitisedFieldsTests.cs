using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Tests.Interviews;
using NetworkingBot.Core.Tests.JobLeads;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Text;

/// <summary>
/// Every member-written field of every program goes through the one sanitiser: what is stored has no disguised
/// link, no reordering character and no non-ASCII host, and a look-alike host is refused without changing anything.
/// </summary>
public sealed class SanitisedFieldsTests : IDisposable
{
    private const string Hostile = "[Apply here](http://evil.example) \u202Eexe.pdf\u202C see https://bücher.de/x";

    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    /// <summary>Each field family: the command that writes <c>{0}</c> into it, and how to read it back from the store.</summary>
    public static TheoryData<string> Fields =>
    [
        "region", "job-title", "job-employer", "job-location", "job-salary", "job-note",
        "offer-role", "offer-institution", "offer-note", "offer-contact", "request-learn",
    ];

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task Stored_text_shows_links_plainly_without_reordering_and_with_ascii_hosts(string field)
    {
        await _h.BoardAsync();
        TestData.Ok(await _h.RunAsync("ana", Line(field, Hostile)));

        var stored = await ReadAsync(field);

        Assert.Contains("[Apply here] (http://evil.example)", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("](", stored, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', stored);
        Assert.DoesNotContain('\u202C', stored);
        Assert.Contains("https://xn--bcher-kva.de/x", stored, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task A_look_alike_host_is_refused_with_the_reason_and_changes_nothing(string field)
    {
        await _h.BoardAsync();
        var before = await SnapshotAsync();

        var result = await _h.RunAsync("ana", Line(field, "see https://ехаmple.org/jobs"));

        var failure = Assert.IsType<Failure>(result);
        Assert.Equal("mixed_script_host", failure.Error.Code);
        Assert.Contains("Cyrillic and Latin", failure.Error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Display_names_are_cleaned_in_every_program()
    {
        await _h.BoardAsync();
        var ana = new CommandContext(CommunityId.Parse(CoreHarness.Community), CoreHarness.Channel, new UserRef("ana", "\u202Eana [x](http://evil.example)"), false);

        TestData.Ok(await _h.Dispatcher.DispatchAsync(ana, "/coffee join"));
        TestData.Ok(await _h.Dispatcher.DispatchAsync(ana, "/job share title:T employer:E type:full-time remote:yes"));
        TestData.Ok(await _h.Dispatcher.DispatchAsync(ana, "/interview offer specialties:archives role:R"));
        TestData.Ok(await _h.Dispatcher.DispatchAsync(ana, "/interview request specialties:law learn:L"));

        string[] names =
        [
            _h.Store.MemberOf(CoreHarness.Community, "ana")!.DisplayName,
            Assert.Single(await _h.LeadsAsync()).SharerName,
            (await _h.Interviews().GetOfferAsync(CoreHarness.Community, "ana"))!.DisplayName,
            Assert.Single(await _h.Interviews().ListRequestsAsync(CoreHarness.Community)).RequesterName,
        ];
        Assert.All(names, n => Assert.Equal("ana [x] (http://evil.example)", n));
    }

    private static string Line(string field, string value) => field switch
    {
        "region" => $"/coffee join region:\"{value}\"",
        "job-title" => Job("title", value),
        "job-employer" => Job("employer", value),
        "job-location" => Job("location", value),
        "job-salary" => Job("salary", value),
        "job-note" => Job("note", value),
        "offer-role" => $"/interview offer specialties:archives role:\"{value}\"",
        "offer-institution" => $"/interview offer specialties:archives role:R institution:\"{value}\"",
        "offer-note" => $"/interview offer specialties:archives role:R note:\"{value}\"",
        "offer-contact" => $"/interview offer specialties:archives role:R contact:\"{value}\"",
        "request-learn" => $"/interview request specialties:archives learn:\"{value}\"",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static string Job(string name, string value)
    {
        var options = new Dictionary<string, string> { ["title"] = "T", ["employer"] = "E", ["type"] = "full-time", ["remote"] = "yes", [name] = value };
        return "/job share " + string.Join(' ', options.Select(o => $"{o.Key}:\"{o.Value}\""));
    }

    private async Task<string> ReadAsync(string field)
    {
        var offer = await _h.Interviews().GetOfferAsync(CoreHarness.Community, "ana");
        var lead = (await _h.LeadsAsync()).SingleOrDefault();
        return field switch
        {
            "region" => _h.Store.MemberOf(CoreHarness.Community, "ana")!.Profile.Region!,
            "job-title" => lead!.Title,
            "job-employer" => lead!.Employer,
            "job-location" => lead!.Location!,
            "job-salary" => lead!.Salary!,
            "job-note" => lead!.Note!,
            "offer-role" => offer!.Role,
            "offer-institution" => offer!.Institution!,
            "offer-note" => offer!.Note!,
            "offer-contact" => offer!.Contact!,
            "request-learn" => Assert.Single(await _h.Interviews().ListRequestsAsync(CoreHarness.Community)).Learn,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };
    }

    private async Task<string> SnapshotAsync() => string.Join('\n',
        _h.Store.Snapshot(),
        string.Join('|', (await _h.LeadsAsync()).Select(l => l.ToString())),
        string.Join('|', (await _h.Interviews().ListOffersAsync(CoreHarness.Community)).Select(o => o.ToString())),
        string.Join('|', (await _h.Interviews().ListRequestsAsync(CoreHarness.Community)).Select(r => r.ToString())),
        _h.Messenger.Sent.Count);
}
