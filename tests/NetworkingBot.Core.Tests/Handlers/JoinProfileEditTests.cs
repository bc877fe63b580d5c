using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Scheduling;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Handlers;

public sealed class JoinProfileEditTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    private Member? Ana => _h.Store.MemberOf(CoreHarness.Community, "ana");

    [Fact]
    public async Task Join_without_options_uses_defaults_and_says_so()
    {
        var reply = TestData.Ok(await _h.RunAsync("ana", "/coffee join"));

        var member = Ana!;
        Assert.Equal(MemberStatus.Active, member.Status);
        Assert.Equal(new MemberProfile([], "UTC", CareerStage.Unspecified, LookingFor.Any, MeetingFormat.Virtual, null, Cadence.Weekly) with { Interests = member.Profile.Interests }, member.Profile);
        Assert.Empty(member.Profile.Interests);
        Assert.Equal(_h.Clock.GetUtcNow(), member.JoinedAt);
        Assert.Contains("I set your time zone to UTC", reply.Body, StringComparison.Ordinal);
        Assert.Contains("/coffee setup", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_time_zone_defaults_to_the_program_time_zone()
    {
        await _h.SetUpAsync("tz:America/Chicago");

        var reply = TestData.Ok(await _h.RunAsync("ana", "/coffee join interests:archives"));

        Assert.Equal("America/Chicago", Ana!.Profile.TimeZone);
        Assert.Contains("America/Chicago", reply.Body, StringComparison.Ordinal);
        Assert.Contains("/coffee status", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_with_every_option()
    {
        TestData.Ok(await _h.RunAsync("ana", "/coffee join interests:Archives,metadata tz:Europe/Oslo stage:mid-career looking:mentee format:in-person region:\"Kansas City\" cadence:biweekly"));

        Assert.Equal(
            new MemberProfile(Ana!.Profile.Interests, "Europe/Oslo", CareerStage.MidCareer, LookingFor.Mentee, MeetingFormat.InPerson, "Kansas City", Cadence.Biweekly),
            Ana!.Profile);
        Assert.Equal(["archives", "metadata"], Ana!.Profile.Interests);
    }

    [Fact]
    public async Task Interests_typed_with_a_space_after_the_comma_are_all_kept()
    {
        TestData.Ok(await _h.RunAsync("ana", "/coffee join interests:cataloging, archives tz:UTC"));
        Assert.Equal(["cataloging", "archives"], Ana!.Profile.Interests);

        TestData.Ok(await _h.RunAsync("ana", "/coffee edit interests:metadata,  \"digital preservation\""));
        Assert.Equal(["metadata", "digital-preservation"], Ana!.Profile.Interests);
    }

    [Fact]
    public async Task Joining_twice_is_refused()
    {
        await _h.JoinAsync("ana");
        var before = _h.Store.Snapshot();

        TestData.Failed(await _h.RunAsync("ana", "/coffee join tz:Europe/Oslo"), "already_joined");

        Assert.Equal(before, _h.Store.Snapshot());
    }

    [Fact]
    public async Task Rejoin_after_leave_keeps_the_profile_and_history()
    {
        TestData.Ok(await _h.RunAsync("ana", "/coffee join interests:archives tz:Europe/Oslo"));
        var lastRound = _h.Clock.GetUtcNow().AddDays(-3);
        await _h.Store.UpsertAsync(Ana! with { LastRoundAt = lastRound });
        TestData.Ok(await _h.RunAsync("ana", "/coffee leave"));
        Assert.Equal(MemberStatus.Left, Ana!.Status);

        TestData.Ok(await _h.RunAsync("ana", "/coffee join stage:student"));

        Assert.Equal(MemberStatus.Active, Ana!.Status);
        Assert.Equal(["archives"], Ana!.Profile.Interests);
        Assert.Equal("Europe/Oslo", Ana!.Profile.TimeZone);
        Assert.Equal(CareerStage.Student, Ana!.Profile.Stage);
        Assert.Equal(lastRound, Ana!.LastRoundAt);
    }

    [Fact]
    public async Task Join_with_a_bad_value_stores_nothing()
    {
        TestData.Failed(await _h.RunAsync("ana", "/coffee join interests:archives tz:Mars/Olympus"), "bad_timezone");
        Assert.Null(Ana);
    }

    [Fact]
    public async Task Profile_shows_the_profile_or_says_how_to_join()
    {
        TestData.Failed(await _h.RunAsync("ana", "/coffee profile"), "not_enrolled");
        TestData.Ok(await _h.RunAsync("ana", "/coffee join interests:archives,metadata region:Boston"));

        var body = TestData.Ok(await _h.RunAsync("ana", "/coffee profile")).Body;

        Assert.Contains("interests: archives, metadata", body, StringComparison.Ordinal);
        Assert.Contains("region: Boston", body, StringComparison.Ordinal);
        Assert.Contains("/coffee edit", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_changes_only_the_given_options()
    {
        TestData.Ok(await _h.RunAsync("ana", "/coffee join interests:archives tz:Europe/Oslo stage:student"));

        TestData.Ok(await _h.RunAsync("ana", "/coffee edit format:either cadence:monthly"));

        var p = Ana!.Profile;
        Assert.Equal(MeetingFormat.Either, p.Format);
        Assert.Equal(Cadence.Monthly, p.Cadence);
        Assert.Equal(["archives"], p.Interests);
        Assert.Equal("Europe/Oslo", p.TimeZone);
        Assert.Equal(CareerStage.Student, p.Stage);
    }

    [Fact]
    public async Task Edit_with_nothing_to_edit_is_refused_with_usage()
    {
        await _h.JoinAsync("ana");
        var error = TestData.Failed(await _h.RunAsync("ana", "/coffee edit"), "nothing_to_edit");
        Assert.Contains("Usage:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tz:Mars/Olympus", "bad_timezone")]
    [InlineData("interests:a_b", "bad_tag")]
    [InlineData("format:teleport", "bad_choice")]
    [InlineData("cadence:hourly", "bad_choice")]
    public async Task Edit_with_a_bad_value_changes_nothing(string options, string code)
    {
        await _h.JoinAsync("ana");
        var before = _h.Store.Snapshot();

        TestData.Failed(await _h.RunAsync("ana", $"/coffee edit region:Boston {options}"), code);

        Assert.Equal(before, _h.Store.Snapshot());
    }

    [Fact]
    public async Task Edit_by_a_non_member_is_refused()
    {
        TestData.Failed(await _h.RunAsync("ana", "/coffee edit format:either"), "not_enrolled");
        Assert.Null(Ana);
    }
}
