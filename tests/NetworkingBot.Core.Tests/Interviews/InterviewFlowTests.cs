using NetworkingBot.Core.Interviews;
using NetworkingBot.Testing.Fakes;
using static NetworkingBot.Core.Tests.Interviews.InterviewTestKit;

namespace NetworkingBot.Core.Tests.Interviews;

public sealed class InterviewFlowTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Request_asks_the_volunteer_by_DM_with_accept_and_decline_and_tells_the_requester_without_a_name()
    {
        await _h.OfferAsync("vera", "archives");
        var id = await _h.RequestAsync("rita", "archives");

        var ask = _h.AskTo("vera", id);
        Assert.Contains("<@rita>", ask.Text, StringComparison.Ordinal);
        Assert.Contains("matched on: archives; 2 of 2 slots left this month", ask.Text, StringComparison.Ordinal);
        Assert.Equal([$"/interview respond request:{id} answer:accept", $"/interview respond request:{id} answer:decline"], ask.Buttons.Select(b => b.Command));
        Assert.All(ask.Buttons, b => Assert.True(b.Command.Length <= 75));
        Assert.Equal(RequestStatus.Asking, (await _h.Get(id)).Status);
        var list = Ok(await _h.RunAsync("rita", "/interview list")).Body;
        Assert.DoesNotContain("vera", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_introduces_both_with_norms_by_DM_each_and_a_second_click_changes_nothing()
    {
        await _h.OfferAsync("vera", "archives");
        var id = await _h.RequestAsync("rita", "archives");
        var accept = Press(_h.AskTo("vera", id), "Accept");

        var reply = Ok(await _h.RunAsync("vera", accept));
        Assert.Contains("1 of 2 interviews this month", reply.Body, StringComparison.Ordinal);
        var toRita = Assert.Single(_h.Messenger.DirectTo("rita"));
        Assert.Contains("<@vera>", toRita.Text, StringComparison.Ordinal);
        Assert.Contains("15-20 minutes", toRita.Text, StringComparison.Ordinal);
        Assert.Contains("3-5 questions", toRita.Text, StringComparison.Ordinal);
        Assert.Contains("processing backlogs", toRita.Text, StringComparison.Ordinal);
        Assert.Contains(_h.Messenger.DirectTo("vera"), m => m.Text.Contains("You're meeting <@rita>", StringComparison.Ordinal));

        var before = await _h.Get(id);
        var sent = _h.Messenger.Sent.Count;
        TestData.Failed(await _h.RunAsync("vera", accept), "already_answered");
        Assert.Equal(before, await _h.Get(id));
        Assert.Equal(sent, _h.Messenger.Sent.Count);
    }

    [Fact]
    public async Task On_a_platform_with_group_DMs_the_intro_is_one_group_message()
    {
        _h.Messenger.GroupsSupported = true;
        await _h.OfferAsync("vera", "archives");
        var id = await _h.RequestAsync("rita", "archives");
        Ok(await _h.RunAsync("vera", Press(_h.AskTo("vera", id), "Accept")));

        var group = Assert.Single(_h.Messenger.GroupMessages);
        Assert.Equal(["rita", "vera"], group.GroupUserIds);
        Assert.Empty(_h.Messenger.DirectTo("rita"));
    }

    [Fact]
    public async Task Decline_then_timeout_move_on_and_after_three_the_request_waits_with_the_promised_words()
    {
        await _h.OfferAsync("ann", "archives");
        await _h.OfferAsync("bea", "archives");
        await _h.OfferAsync("cal", "archives");
        await _h.OfferAsync("dot", "archives");
        var id = await _h.RequestAsync("rita", "archives");
        var first = (await _h.Get(id)).VolunteerId!;

        Ok(await _h.RunAsync(first, Press(_h.AskTo(first, id), "Decline")));
        var second = (await _h.Get(id)).VolunteerId!;
        Assert.NotEqual(first, second);
        Assert.Contains("can't take it this time", _h.AllTextTo("rita"), StringComparison.Ordinal);

        await _h.AdvanceAsync(TimeSpan.FromHours(71));
        Assert.Equal(second, (await _h.Get(id)).VolunteerId);
        await _h.AdvanceAsync(TimeSpan.FromHours(1));
        var third = (await _h.Get(id)).VolunteerId!;
        Assert.NotEqual(second, third);
        Assert.Contains("didn't answer within 72 hours", _h.AllTextTo("rita"), StringComparison.Ordinal);
        TestData.Failed(await _h.RunAsync(second, Press(_h.AskTo(second, id), "Accept")), "no_longer_asking");

        Ok(await _h.RunAsync(third, Press(_h.AskTo(third, id), "Decline")));
        var waiting = await _h.Get(id);
        Assert.Equal(RequestStatus.Waiting, waiting.Status);
        Assert.Contains("nobody is available for archives right now; we'll keep your request for 14 days", _h.AllTextTo("rita"), StringComparison.OrdinalIgnoreCase);
        foreach (var volunteer in new[] { "ann", "bea", "cal", "dot" })
        {
            Assert.DoesNotContain(volunteer, _h.AllTextTo("rita"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_full_specialty_waits_and_is_served_when_capacity_frees_next_month()
    {
        _h.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero));
        await _h.OfferAsync("vera", "archives", capacity: 1);
        var first = await _h.RequestAsync("rita", "archives");
        Ok(await _h.RunAsync("vera", Press(_h.AskTo("vera", first), "Accept")));

        var second = await _h.RequestAsync("sam", "archives");
        Assert.Equal(RequestStatus.Waiting, (await _h.Get(second)).Status);
        Assert.DoesNotContain(_h.Messenger.DirectTo("vera"), m => m.Text.Contains("<@sam>", StringComparison.Ordinal));

        await _h.AdvanceAsync(TimeSpan.FromDays(11)); // 31 March: still March, still full
        Assert.Equal(RequestStatus.Waiting, (await _h.Get(second)).Status);
        await _h.AdvanceAsync(TimeSpan.FromDays(1)); // 1 April: a new month's slot
        Assert.Equal(RequestStatus.Asking, (await _h.Get(second)).Status);
        Assert.Contains("Good news", _h.AllTextTo("sam"), StringComparison.Ordinal);
        _h.AskTo("vera", second);
    }

    [Fact]
    public async Task A_waiting_request_closes_after_fourteen_days_and_says_so()
    {
        var id = await _h.RequestAsync("rita", "law");
        Assert.Equal(RequestStatus.Waiting, (await _h.Get(id)).Status);
        for (var day = 0; day < 14; day++)
        {
            await _h.AdvanceAsync(TimeSpan.FromDays(1));
        }

        Assert.Equal(RequestStatus.Expired, (await _h.Get(id)).Status);
        Assert.Contains("closed your request", _h.AllTextTo("rita"), StringComparison.Ordinal);
        await _h.AdvanceAsync(TimeSpan.FromDays(30));
        Assert.Single(_h.Messenger.DirectTo("rita"));
    }

    [Fact]
    public async Task A_new_volunteer_serves_a_waiting_request_at_once()
    {
        var id = await _h.RequestAsync("rita", "law");
        await _h.OfferAsync("lou", "law");
        Assert.Equal("lou", (await _h.Get(id)).VolunteerId);
        _h.AskTo("lou", id);
    }

    [Fact]
    public async Task Follow_up_after_seven_days_then_done_records_both_network_logs_whose_thank_you_nudge_comes_once_the_next_morning()
    {
        await _h.OfferAsync("vera", "archives");
        var id = await _h.RequestAsync("rita", "archives");
        Ok(await _h.RunAsync("vera", Press(_h.AskTo("vera", id), "Accept")));
        await _h.AdvanceAsync(TimeSpan.FromDays(6));
        Assert.DoesNotContain(_h.Messenger.DirectTo("rita"), m => m.Buttons.Count == 3);

        await _h.AdvanceAsync(TimeSpan.FromDays(1));
        var question = Assert.Single(_h.Messenger.DirectTo("rita"), m => m.Buttons.Count == 3);
        Assert.Contains("Did your informational interview", question.Text, StringComparison.Ordinal);
        var thanks = Ok(await _h.RunAsync("rita", Press(question, "Done")));
        Assert.Contains("thank-you", thanks.Body, StringComparison.Ordinal);
        TestData.Failed(await _h.RunAsync("rita", Press(question, "Done")), "already_answered");

        var network = _h.GetService<NetworkingBot.Core.Network.INetworkStore>();
        Assert.Equal("informational interview about archives", (await network.GetContactAsync(CoreHarness.Community, "rita", "vera"))!.How);
        Assert.Equal("informational interview about archives", (await network.GetContactAsync(CoreHarness.Community, "vera", "rita"))!.How);
        Assert.Empty(await _h.Interviews().ListNetworkAsync(CoreHarness.Community, "rita"));

        await _h.AdvanceAsync(TimeSpan.FromDays(1));
        await _h.AdvanceAsync(TimeSpan.FromDays(7));
        // The follow-ups are the network log's: one thank-you nudge, no connect step of the interview program's own.
        Assert.Single(_h.Messenger.DirectTo("rita"), m => m.Text.Contains("Did you thank vera", StringComparison.Ordinal));
        Assert.DoesNotContain(_h.Messenger.DirectTo("rita"), m => m.Text.Contains("connect with them", StringComparison.Ordinal));
        Assert.Contains("1 of 2 interviews this month", Ok(await _h.RunAsync("vera", "/interview list")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fell_through_frees_the_slot_for_someone_waiting()
    {
        await _h.OfferAsync("vera", "archives", capacity: 1);
        var first = await _h.RequestAsync("rita", "archives");
        Ok(await _h.RunAsync("vera", Press(_h.AskTo("vera", first), "Accept")));
        var second = await _h.RequestAsync("sam", "archives");
        Assert.Equal(RequestStatus.Waiting, (await _h.Get(second)).Status);

        Ok(await _h.RunAsync("rita", $"/interview followup request:{first} answer:fell-through"));
        Assert.Equal(RequestStatus.Asking, (await _h.Get(second)).Status);
    }

    [Fact]
    public async Task Capacity_is_never_exceeded_even_with_several_requests_at_once()
    {
        await _h.OfferAsync("vera", "archives", capacity: 2);
        var ids = new List<string>();
        foreach (var user in new[] { "a1", "a2", "a3", "a4" })
        {
            ids.Add(await _h.RequestAsync(user, "archives"));
        }

        var asked = ids.Where(id => _h.Messenger.DirectTo("vera").Any(m => m.Text.Contains(id, StringComparison.Ordinal) || m.Buttons.Any(b => b.Command.Contains(id, StringComparison.Ordinal)))).ToList();
        Assert.Equal(2, asked.Count);
        foreach (var id in asked)
        {
            Ok(await _h.RunAsync("vera", Press(_h.AskTo("vera", id), "Accept")));
        }

        var requests = await _h.Interviews().ListRequestsAsync(CoreHarness.Community);
        Assert.Equal(2, requests.Count(r => r.AcceptedBy("vera")));
        Assert.Equal(2, requests.Count(r => r.Status == RequestStatus.Waiting));
    }

    [Fact]
    public async Task Paused_and_stopped_volunteers_are_not_asked_and_resume_brings_them_back()
    {
        await _h.OfferAsync("vera", "archives");
        Ok(await _h.RunAsync("vera", "/interview offer-pause"));
        TestData.Failed(await _h.RunAsync("vera", "/interview offer-pause"), "offer_unchanged");
        var id = await _h.RequestAsync("rita", "archives");
        Assert.Equal(RequestStatus.Waiting, (await _h.Get(id)).Status);

        Ok(await _h.RunAsync("vera", "/interview offer-resume"));
        Assert.Equal("vera", (await _h.Get(id)).VolunteerId);
        Ok(await _h.RunAsync("vera", "/interview offer-stop"));
        Assert.Equal(OfferStatus.Stopped, (await _h.Interviews().GetOfferAsync(CoreHarness.Community, "vera"))!.Status);
    }

    [Fact]
    public async Task Cancel_while_asking_tells_the_volunteer_and_their_buttons_then_do_nothing()
    {
        await _h.OfferAsync("vera", "archives");
        var id = await _h.RequestAsync("rita", "archives");
        var accept = Press(_h.AskTo("vera", id), "Accept");
        Ok(await _h.RunAsync("rita", "/interview cancel"));

        Assert.Contains(_h.Messenger.DirectTo("vera"), m => m.Text.Contains("cancelled", StringComparison.Ordinal));
        var before = await _h.Get(id);
        TestData.Failed(await _h.RunAsync("vera", accept), "request_cancelled");
        Assert.Equal(before, await _h.Get(id));
        Assert.Equal(RequestStatus.Cancelled, before.Status);
    }
}
