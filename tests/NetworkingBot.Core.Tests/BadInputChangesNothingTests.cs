using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests;

/// <summary>Product rule: bad input gets a clear, polite message and changes nothing.</summary>
public sealed class BadInputChangesNothingTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData("/coffee frobnicate", false, "unknown_subcommand")]
    [InlineData("/coffee edit tz:Mars/Olympus", false, "bad_timezone")]
    [InlineData("/coffee setup tz:Mars/Olympus", true, "bad_timezone")]
    [InlineData("/coffee setup cadence:hourly", true, "bad_choice")]
    [InlineData("/coffee edit cadence:hourly", false, "bad_choice")]
    [InlineData("/coffee pause until:2020-01-01", false, "date_in_past")]
    [InlineData("/coffee setup day:friday", false, "not_organiser")]
    [InlineData("/coffee pair-now", false, "not_organiser")]
    [InlineData("/coffee edit region:\"@everyone", false, "unclosed_quote")]
    [InlineData("/coffee join", false, "already_joined")]
    public async Task Refused_commands_leave_the_store_untouched(string line, bool organiser, string code)
    {
        await _h.SetUpAsync();
        await _h.JoinAsync("ana", "bob");
        TestData.Ok(await _h.RunAsync("org", "/coffee pair-now", organiser: true));
        var before = _h.Store.Snapshot();
        var sent = _h.Messenger.Sent.Count;

        var error = TestData.Failed(await _h.RunAsync("ana", line, organiser), code);

        Assert.True(error.Message.Length < 600, error.Message);
        Assert.Equal(before, _h.Store.Snapshot());
        Assert.Equal(sent, _h.Messenger.Sent.Count);
        Assert.Single(_h.Scheduler.Programs);
    }

    [Fact]
    public async Task A_5000_character_region_is_refused_briefly_and_changes_nothing()
    {
        await _h.JoinAsync("ana");
        var before = _h.Store.Snapshot();

        var error = TestData.Failed(await _h.RunAsync("ana", $"/coffee edit region:{new string('x', 12_000)}"), "too_long");
        var direct = TestData.Failed(await _h.RunAsync("ana", $"/coffee edit region:{new string('x', 5000)}"), "region_too_long");

        Assert.DoesNotContain(new string('x', 100), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 100), direct.Message, StringComparison.Ordinal);
        Assert.Equal(before, _h.Store.Snapshot());
    }

    [Fact]
    public async Task Mass_mentions_in_a_region_are_neutralised_before_storing()
    {
        TestData.Ok(await _h.RunAsync("ana", "/coffee join region:\"@everyone <!channel> <@123>\""));
        var region = _h.Store.MemberOf(CoreHarness.Community, "ana")!.Profile.Region!;
        Assert.DoesNotContain("@everyone", region, StringComparison.Ordinal);
        Assert.DoesNotContain("<!", region, StringComparison.Ordinal);
        Assert.DoesNotContain("<@", region, StringComparison.Ordinal);
    }
}
