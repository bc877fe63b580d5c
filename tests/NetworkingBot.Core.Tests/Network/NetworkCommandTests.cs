using NetworkingBot.Core.Network;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Network;

/// <summary>/network list, show, note, spoke, add, remove, nudges and intros on the real core.</summary>
public sealed class NetworkCommandTests
{
    [Fact]
    public async Task List_shows_contacts_most_recent_first_with_how_and_last_spoke_ten_a_page()
    {
        await using var h = new CoreHarness();
        var others = Enumerable.Range(0, 12).Select(i => $"m{i:00}").ToArray();
        await h.MembersAsync(["ana", .. others]);
        foreach (var other in others)
        {
            await h.MetAsync("ana", other);
            h.Clock.Advance(TimeSpan.FromDays(1));
        }

        var first = TestData.Ok(await h.RunAsync("ana", "/network list")).Body;
        var second = TestData.Ok(await h.RunAsync("ana", "/network list page:2")).Body;

        Assert.StartsWith("Your network (12 contacts, page 1 of 2):", first, StringComparison.Ordinal);
        Assert.Contains("• m11 — coffee chat, round 1; last spoke 15 March 2026", first, StringComparison.Ordinal);
        Assert.True(first.IndexOf("m11", StringComparison.Ordinal) < first.IndexOf("m10", StringComparison.Ordinal));
        Assert.DoesNotContain("m01", first, StringComparison.Ordinal);
        Assert.Contains("`/network list page:2`", first, StringComparison.Ordinal);
        Assert.Contains("m01", second, StringComparison.Ordinal);
        Assert.Contains("m00", second, StringComparison.Ordinal);
        Assert.Contains("m11", TestData.Ok(await h.RunAsync("ana", "/network list search:M11")).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/network list page:3", "page_out_of_range")]
    [InlineData("/network list page:0", "page_invalid")]
    [InlineData("/network list page:two", "page_invalid")]
    public async Task A_page_out_of_range_or_not_a_number_is_refused(string line, string code)
    {
        await using var h = new CoreHarness();
        await h.MembersAsync("ana", "sam");
        await h.MetAsync("ana", "sam");

        TestData.Failed(await h.RunAsync("ana", line), code);
    }

    [Fact]
    public async Task A_note_is_dated_and_seen_only_by_its_author()
    {
        await using var h = new CoreHarness();
        await h.MembersAsync("ana", "sam");
        await h.MetAsync("ana", "sam");

        TestData.Ok(await h.RunAsync("ana", "/network note member:@sam text:\"Ask about the grant\""));

        var anas = TestData.Ok(await h.RunAsync("ana", "/network show member:@sam")).Body;
        var sams = TestData.Ok(await h.RunAsync("sam", "/network show member:@ana")).Body;
        Assert.Contains("• 4 March 2026: Ask about the grant", anas, StringComparison.Ordinal);
        Assert.DoesNotContain("grant", sams, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_that_is_too_long_or_empty_is_refused_and_nothing_is_saved()
    {
        await using var h = new CoreHarness();
        await h.MembersAsync("ana", "sam");
        await h.MetAsync("ana", "sam");

        TestData.Failed(await h.RunAsync("ana", $"/network note member:@sam text:{new string('x', NetworkLimits.NoteLength + 1)}"), "text_too_long");
        TestData.Failed(await h.RunAsync("ana", "/network note member:@sam text:\"   \""), "missing_option");

        Assert.Empty(await h.Network().ListAllNotesAsync(CoreHarness.Community, "ana"));
    }

    [Fact]
    public async Task Mentions_and_masked_links_in_a_note_never_ping_or_disguise_a_link()
    {
        await using var h = new CoreHarness();
        await h.MembersAsync("ana", "sam");
        await h.MetAsync("ana", "sam");

        TestData.Ok(await h.RunAsync("ana", "/network note member:@sam text:\"@everyone <!channel> <@&123> [docs](https://evil.example)\""));

        var text = Assert.Single(await h.Network().ListAllNotesAsync(CoreHarness.Community, "ana")).Text;
        Assert.DoesNotContain("@everyone", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<@&123>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("](", text, StringComparison.Ordinal);
        Assert.Contains("evil.example", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spoke_sets_last_spoke_and_refuses_the_future_and_days_before_first_met()
    {
        await using var h = new CoreHarness();
        await h.MembersAsync("ana", "sam");
        await h.MetAsync("ana", "sam");
        h.Clock.Advance(TimeSpan.FromDays(10));

        TestData.Failed(await h.RunAsync("ana", "/network spoke member:@sam on:2026-03-15"), "date_in_future");
        TestData.Failed(await h.RunAsync("ana", "/network spoke member:@sam on:2026-03-01"), "date_before_first_met");
        TestData.Failed(await h.RunAsync("ana", "/network spoke member:@sam on:03/10/2026"), "date_invalid");
        Assert.Equal(CoreHarness.DefaultStart, (await h.Network().GetContactAsync(CoreHarness.Community, "ana", "sam"))!.LastSpoke);

        TestData.Ok(await h.RunAsync("ana", "/network spoke member:@sam on:2026-03-10"));
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero), (await h.Network().GetContactAsync(CoreHarness.Community, "ana", "sam"))!.LastSpoke);
        TestData.Ok(await h.RunAsync("ana", "/network spoke member:@sam"));
        Assert.Equal(h.Clock.GetUtcNow(), (await h.Network().GetContactAsync(CoreHarness.Community, "ana", "sam"))!.LastSpoke);
    }

    [Theory]
    [InlineData("/network show member:@ana", "member_is_self")]
    [InlineData("/network show member:@lee", "not_in_log")]
    [InlineData("/network note member:@nobody text:hi", "not_in_log")]
    [InlineData("/network remove member:@lee", "not_in_log")]
    [InlineData("/network nudges to:off member:@lee", "not_in_log")]
    [InlineData("/network add member:@ana how:\"conference\"", "member_is_self")]
    [InlineData("/network add member:@ghost how:\"conference\"", "not_a_member")]
    [InlineData("/network add member:@sam how:\"conference\"", "already_in_log")]
    [InlineData("/network add member:@lee", "missing_option")]
    public async Task Bad_members_are_refused_and_change_nothing(string line, string code)
    {
        await using var h = new CoreHarness();
        await h.MembersAsync("ana", "sam", "lee");
        await h.MetAsync("ana", "sam");

        TestData.Failed(await h.RunAsync("ana", line), code);

        var log = await h.Network().ListContactsAsync(CoreHarness.Community, "ana", null, 0, 10);
        Assert.Equal(["sam"], log.Contacts.Select(c => c.OtherId));
        Assert.True(log.Contacts[0].RemindersOn);
    }

    [Fact]
    public async Task A_member_who_left_cannot_be_added()
    {
        await using var h = new CoreHarness();
        await h.MembersAsync("ana", "sam");
        TestData.Ok(await h.RunAsync("sam", "/coffee leave"));

        TestData.Failed(await h.RunAsync("ana", "/network add member:@sam how:\"conference\""), "not_a_member");
        Assert.Null(await h.Network().GetContactAsync(CoreHarness.Community, "ana", "sam"));
    }

    [Fact]
    public async Task Add_records_a_contact_made_elsewhere_in_my_log_only_and_remove_takes_it_out()
    {
        await using var h = new CoreHarness();
        await h.MembersAsync("ana", "sam");

        TestData.Ok(await h.RunAsync("ana", "/network add member:@sam how:\"state conference 2026\""));

        Assert.Equal("added by hand: state conference 2026", (await h.Network().GetContactAsync(CoreHarness.Community, "ana", "sam"))!.How);
        Assert.Null(await h.Network().GetContactAsync(CoreHarness.Community, "sam", "ana"));
        TestData.Ok(await h.RunAsync("ana", "/network remove member:@sam"));
        Assert.Null(await h.Network().GetContactAsync(CoreHarness.Community, "ana", "sam"));
    }

    [Fact]
    public async Task Nudges_and_intros_settings_are_saved_per_member_and_per_contact()
    {
        await using var h = new CoreHarness();
        await h.MembersAsync("ana", "sam");
        await h.MetAsync("ana", "sam");

        TestData.Ok(await h.RunAsync("ana", "/network nudges to:off"));
        TestData.Ok(await h.RunAsync("ana", "/network intros to:off"));
        TestData.Ok(await h.RunAsync("ana", "/network nudges to:off member:@sam"));

        Assert.Equal(new NetworkSettings(CoreHarness.Community, "ana", false, false), await h.Network().GetSettingsAsync(CoreHarness.Community, "ana"));
        Assert.False((await h.Network().GetContactAsync(CoreHarness.Community, "ana", "sam"))!.RemindersOn);
        TestData.Failed(await h.RunAsync("ana", "/network nudges to:maybe"), "bad_choice");
    }

    [Fact]
    public async Task Help_lists_every_network_command_with_an_example()
    {
        await using var h = new CoreHarness();
        var help = TestData.Ok(await h.RunAsync("ana", "/network help")).Body;
        foreach (var name in new[] { "list", "show", "note", "spoke", "add", "remove", "nudges", "intros" })
        {
            Assert.Contains(name, help, StringComparison.Ordinal);
        }

        Assert.Contains("/network note member:@sam", TestData.Ok(await h.RunAsync("ana", "/network help note")).Body, StringComparison.Ordinal);
    }
}
