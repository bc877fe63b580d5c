using NetworkingBot.Core.Interviews;
using NetworkingBot.Testing.Fakes;
using static NetworkingBot.Core.Tests.Interviews.InterviewTestKit;

namespace NetworkingBot.Core.Tests.Interviews;

public sealed class InterviewPrivacyTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Export_shows_the_offer_the_requests_and_the_network_and_forget_removes_them()
    {
        await _h.OfferAsync("vera", "archives");
        var id = await _h.RequestAsync("rita", "archives");
        Ok(await _h.RunAsync("vera", $"/interview respond request:{id} answer:accept"));
        Ok(await _h.RunAsync("rita", $"/interview followup request:{id} answer:done"));

        var export = Ok(await _h.RunAsync("vera", "/networking export-me")).Body;
        Assert.Contains("\"interviews\"", export, StringComparison.Ordinal);
        Assert.Contains("acceptedAsVolunteer", export, StringComparison.Ordinal);
        Assert.Contains("vera librarian", export, StringComparison.Ordinal);

        Ok(await _h.RunAsync("rita", "/networking forget-me confirm:yes"));
        Assert.Null(await _h.Interviews().GetRequestAsync(id));
        var network = _h.GetService<NetworkingBot.Core.Network.INetworkStore>();
        Assert.Equal(0, (await network.ListContactsAsync(CoreHarness.Community, "rita", null, 0, 10)).Total);
        Assert.True(Assert.Single((await network.ListContactsAsync(CoreHarness.Community, "vera", null, 0, 10)).Contacts).FormerMember);
    }

    [Fact]
    public async Task Forgetting_an_asked_volunteer_moves_the_request_on_and_removes_their_id()
    {
        await _h.OfferAsync("ann", "archives");
        await _h.OfferAsync("bea", "archives");
        var id = await _h.RequestAsync("rita", "archives");
        var first = (await _h.Get(id)).VolunteerId!;

        Ok(await _h.RunAsync(first, "/networking forget-me confirm:yes"));
        var request = await _h.Get(id);
        Assert.Equal(RequestStatus.Asking, request.Status);
        Assert.NotEqual(first, request.VolunteerId);
        Assert.DoesNotContain(first, request.Asked);
        Assert.Null(await _h.Interviews().GetOfferAsync(CoreHarness.Community, first));
    }
}
