using NetworkingBot.Core.Interviews;
using NetworkingBot.Testing.Fakes;
using static NetworkingBot.Core.Tests.Interviews.InterviewTestKit;

namespace NetworkingBot.Core.Tests.Interviews;

/// <summary>The bad inputs: each is answered clearly and leaves the store and the DMs exactly as they were.</summary>
public sealed class InterviewBadInputTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    private async Task<object> SnapshotAsync() => new
    {
        Offers = string.Join('|', (await _h.Interviews().ListOffersAsync(CoreHarness.Community)).Select(o => o.ToString())),
        Requests = string.Join('|', (await _h.Interviews().ListRequestsAsync(CoreHarness.Community)).Select(r => $"{r.RequestId}:{r.Version}:{r.Status}")),
        Sent = _h.Messenger.Sent.Count,
    };

    private async Task AssertRefusedAsync(string user, string line, string code, string mentions)
    {
        var before = await SnapshotAsync();
        var error = TestData.Failed(await _h.RunAsync(user, line), code);
        Assert.Contains(mentions, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("/interview request specialties:\"\" learn:hello", "missing_option", "specialties")]
    [InlineData("/interview request specialties:,, learn:hello", "no_specialties", "at least one specialty")]
    [InlineData("/interview request specialties:archives", "missing_option", "learn")]
    [InlineData("/interview request specialties:\"not a tag!\" learn:hello", "bad_tag", "usable specialty")]
    [InlineData("/interview request specialties:archives learn:hi tz:Mars/Base", "bad_timezone", "time zone")]
    [InlineData("/interview offer specialties:,, role:archivist", "no_specialties", "at least one specialty")]
    [InlineData("/interview offer specialties:archives", "missing_option", "role")]
    [InlineData("/interview offer specialties:archives role:x capacity:0", "bad_number", "capacity")]
    [InlineData("/interview offer specialties:archives role:x capacity:lots", "bad_number", "capacity")]
    [InlineData("/interview respond request:iv-nothere answer:accept", "no_such_request", "couldn't find")]
    [InlineData("/interview respond request:iv-nothere answer:maybe", "bad_choice", "accept")]
    [InlineData("/interview followup request:iv-nothere answer:done", "no_such_request", "couldn't find")]
    [InlineData("/interview cancel", "which_request", "no open")]
    [InlineData("/interview offer-pause", "no_offer", "haven't volunteered")]
    [InlineData("/interview request specialties:archives learn:hi colour:blue", "unknown_option", "colour")]
    public async Task Malformed_commands_are_refused_politely(string line, string code, string mentions)
    {
        await _h.OfferAsync("vera", "archives");
        await AssertRefusedAsync("rita", line, code, mentions);
    }

    [Fact]
    public async Task A_2000_character_request_is_refused_with_the_limit()
    {
        await _h.OfferAsync("vera", "archives");
        await AssertRefusedAsync("rita", $"/interview request specialties:archives learn:\"{new string('a', 2000)}\"", "learn_too_long", "at most 500 characters");
    }

    [Fact]
    public async Task A_500_character_request_is_accepted()
    {
        await _h.OfferAsync("vera", "archives");
        await _h.RequestAsync("rita", "archives", new string('a', 500));
    }

    [Fact]
    public async Task Requesting_yourself_is_refused_when_you_are_the_only_volunteer()
    {
        await _h.OfferAsync("vera", "archives");
        await AssertRefusedAsync("vera", "/interview request specialties:archives learn:hi", "self_request", "can't interview yourself");
    }

    [Fact]
    public async Task A_volunteer_requesting_their_own_specialty_goes_to_someone_else()
    {
        await _h.OfferAsync("vera", "archives");
        await _h.OfferAsync("walt", "archives");
        var id = await _h.RequestAsync("vera", "archives");
        Assert.Equal("walt", (await _h.Get(id)).VolunteerId);
    }

    [Fact]
    public async Task Accepting_an_already_cancelled_request_changes_nothing()
    {
        await _h.OfferAsync("vera", "archives");
        var id = await _h.RequestAsync("rita", "archives");
        Ok(await _h.RunAsync("rita", $"/interview cancel request:{id}"));
        await AssertRefusedAsync("vera", $"/interview respond request:{id} answer:accept", "request_cancelled", "cancelled");
        await AssertRefusedAsync("rita", $"/interview cancel request:{id}", "request_closed", "already closed");
    }

    [Fact]
    public async Task A_second_click_on_accept_changes_nothing()
    {
        await _h.OfferAsync("vera", "archives");
        var id = await _h.RequestAsync("rita", "archives");
        Ok(await _h.RunAsync("vera", $"/interview respond request:{id} answer:accept"));
        await AssertRefusedAsync("vera", $"/interview respond request:{id} answer:accept", "already_answered", "already accepted");
        await AssertRefusedAsync("vera", $"/interview respond request:{id} answer:decline", "already_answered", "already accepted");
    }

    [Fact]
    public async Task Someone_else_cannot_answer_an_ask_or_a_follow_up()
    {
        await _h.OfferAsync("vera", "archives");
        var id = await _h.RequestAsync("rita", "archives");
        await AssertRefusedAsync("mallory", $"/interview respond request:{id} answer:accept", "no_such_request", "couldn't find");
        await AssertRefusedAsync("vera", $"/interview followup request:{id} answer:done", "no_such_request", "couldn't find");
        await AssertRefusedAsync("mallory", $"/interview cancel request:{id}", "no_such_request", "couldn't find");
    }

    [Fact]
    public async Task Mass_mentions_in_free_text_cannot_ping_anyone()
    {
        await _h.OfferAsync("vera", "archives");
        var id = await _h.RequestAsync("rita", "archives", "hello @everyone and <!channel>");
        var ask = _h.AskTo("vera", id);
        Assert.DoesNotContain("@everyone", ask.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", ask.Text, StringComparison.Ordinal);
    }
}
