using NetworkingBot.Core.Home;
using NetworkingBot.Core.Network;
using NetworkingBot.Core.Tests.Interviews;
using NetworkingBot.Core.Tests.JobLeads;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Home;

/// <summary>What a member's home says, read from every program's store.</summary>
public sealed class MemberHomeBuilderTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    private Task<MemberHome> HomeOf(string user) => _h.GetService<MemberHomeBuilder>().BuildAsync(CoreHarness.Community, user, CancellationToken.None);

    [Fact]
    public async Task Someone_in_no_program_gets_the_first_steps()
    {
        var home = await HomeOf("ana");

        Assert.True(home.FirstSteps);
        Assert.Contains(home.Sections.SelectMany(s => s.Buttons), b => b.Command == "/coffee join");
    }

    [Fact]
    public async Task The_network_section_lists_the_last_five_people_with_when_they_last_spoke()
    {
        var network = _h.GetService<INetworkStore>();
        for (var i = 1; i <= 6; i++)
        {
            var at = CoreHarness.DefaultStart.AddDays(-i);
            await network.RecordMeetingAsync(new NetworkContact(CoreHarness.Community, "ana", $"p{i}", "coffee chat, round 1", at, at));
        }

        var home = await HomeOf("ana");

        Assert.False(home.FirstSteps);
        var section = home.Sections.Single(s => s.Title.Contains("network", StringComparison.Ordinal));
        Assert.Equal(
            ["<@p1>: last spoke 3 Mar 2026 (coffee chat, round 1)", "<@p2>: last spoke 2 Mar 2026 (coffee chat, round 1)", "<@p3>: last spoke 1 Mar 2026 (coffee chat, round 1)",
             "<@p4>: last spoke 28 Feb 2026 (coffee chat, round 1)", "<@p5>: last spoke 27 Feb 2026 (coffee chat, round 1)"],
            section.Lines);
        Assert.Equal(["/network export"], section.Buttons.Select(b => b.Command));
    }

    [Fact]
    public async Task Open_interview_requests_offers_and_job_subscriptions_are_shown()
    {
        await _h.BoardAsync();
        await _h.OfferAsync("ana", "archives", capacity: 3);
        var request = await _h.RequestAsync("ana", "law");
        TestData.Ok(await _h.RunAsync("ana", "/job subscribe tags:metadata delivery:daily tz:UTC"));

        var home = await HomeOf("ana");

        var lines = home.Sections.SelectMany(s => s.Lines).ToList();
        Assert.Contains(lines, l => l.StartsWith($"Your request `{request}`", StringComparison.Ordinal));
        Assert.Contains("Your offer (active): archives; 0 of 3 interviews this month.", lines);
        Assert.Contains("Subscribed to tags metadata, in a daily digest.", lines);
        Assert.Contains(home.Sections.SelectMany(s => s.Buttons), b => b.Command == "/coffee join");
    }
}
