using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Pairing;
using NetworkingBot.Core.Scheduling;

namespace NetworkingBot.Core.Tests.CoffeeChats;

/// <summary>The pairing engine has its own input types; a member's profile must reach it value for value.</summary>
public sealed class PairingInputTests
{
    [Fact]
    public void Every_career_stage_becomes_the_pairing_stage_of_the_same_name()
    {
        var mapped = Enum.GetValues<CareerStage>().Select(v => (From: v.ToString(), To: PairingInput.Of(v))).ToList();

        Assert.All(mapped, m => Assert.Equal(m.From, m.To.ToString()));
        Assert.Equal(Enum.GetValues<PairingStage>().Order(), mapped.Select(m => m.To).Order());
    }

    [Fact]
    public void Every_wish_becomes_the_pairing_wish_of_the_same_name()
    {
        var mapped = Enum.GetValues<LookingFor>().Select(v => (From: v.ToString(), To: PairingInput.Of(v))).ToList();

        Assert.All(mapped, m => Assert.Equal(m.From, m.To.ToString()));
        Assert.Equal(Enum.GetValues<PairingLookingFor>().Order(), mapped.Select(m => m.To).Order());
    }

    [Fact]
    public void Every_meeting_format_becomes_the_pairing_format_of_the_same_name()
    {
        var mapped = Enum.GetValues<MeetingFormat>().Select(v => (From: v.ToString(), To: PairingInput.Of(v))).ToList();

        Assert.All(mapped, m => Assert.Equal(m.From, m.To.ToString()));
        Assert.Equal(Enum.GetValues<PairingFormat>().Order(), mapped.Select(m => m.To).Order());
    }

    [Fact]
    public void A_member_keeps_their_id_name_interests_zone_and_region()
    {
        var profile = new MemberProfile(["archives", "law"], "Europe/Oslo", CareerStage.Senior, LookingFor.Mentee, MeetingFormat.Either, "Bergen", Cadence.Monthly);
        var member = new Member("console:local", "ana", "Ana", profile, MemberStatus.Active, DateTimeOffset.UnixEpoch, null, false, 0, null);

        var input = PairingInput.Of(member);

        Assert.Equal("ana", input.UserId);
        Assert.Equal("Ana", input.DisplayName);
        Assert.Equal(new PairingProfile(profile.Interests, "Europe/Oslo", PairingStage.Senior, PairingLookingFor.Mentee, PairingFormat.Either, "Bergen"), input.Profile);
    }
}
