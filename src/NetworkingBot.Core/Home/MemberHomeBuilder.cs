using System.Globalization;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Text;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Core.Network;

namespace NetworkingBot.Core.Home;

/// <summary>
/// Reads one member's state from every program into a <see cref="MemberHome"/>: their coffee profile, next round and
/// current partner, open interview requests and offer, job subscription, and the last five people in their network.
/// Buttons carry the same command lines members type, so a click runs (or opens the form of) the existing command.
/// </summary>
public sealed class MemberHomeBuilder(
    IMemberStore members, ICoffeeScheduleStore programs, IRoundStore rounds, IInterviewStore interviews, IJobLeadStore jobs, INetworkStore network, TimeProvider time)
{
    public const int RecentContacts = 5;

    public async Task<MemberHome> BuildAsync(string communityId, string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var member = await members.GetAsync(communityId, userId, cancellationToken).ConfigureAwait(false) is { Status: MemberStatus.Active } m ? m : null;
        var allRequests = await interviews.ListRequestsAsync(communityId, cancellationToken).ConfigureAwait(false);
        var requests = allRequests.Where(r => r.RequesterId == userId && r.IsOpen).ToList();
        var offer = await interviews.GetOfferAsync(communityId, userId, cancellationToken).ConfigureAwait(false);
        var subscription = await jobs.GetSubscriptionAsync(communityId, userId, cancellationToken).ConfigureAwait(false);
        var contacts = (await network.ListContactsAsync(communityId, userId, null, 0, RecentContacts, cancellationToken).ConfigureAwait(false)).Contacts;
        if (member is null && requests.Count == 0 && offer is null && subscription is null && contacts.Count == 0)
        {
            return HomeTexts.FirstSteps(userId);
        }

        var sections = new List<HomeSection> { await CoffeeAsync(communityId, member, now, cancellationToken).ConfigureAwait(false) };
        sections.Add(HomeTexts.Interviews(requests, offer, offer is null ? 0 : InterviewMatcher.AcceptedThisMonth(userId, allRequests, now)));
        sections.Add(HomeTexts.Jobs(subscription));
        sections.Add(HomeTexts.Network(contacts, member?.Profile.TimeZone));
        return new MemberHome($"Hello {CoffeeTexts.Mention(userId)}: here is where you stand.", false, sections);
    }

    private async Task<HomeSection> CoffeeAsync(string communityId, Member? member, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (member is null)
        {
            return new HomeSection("☕ Coffee chats", ["You're not in coffee chats. Join to be paired with a colleague for a 20-minute chat."],
                [new ButtonSpec("Join coffee chats", "/coffee join", ButtonStyle.Primary)]);
        }

        var lines = new List<string> { $"Your profile: {ProfileText.Describe(member.Profile)}" };
        var program = await programs.GetAsync(communityId, cancellationToken).ConfigureAwait(false);
        var paused = member.IsPausedAt(now);
        if (program is { Enabled: true } && UpcomingRounds.NextFor(program, member, now) is { } next)
        {
            lines.Add($"Next round: {TimeTokens.Write(next, [member.Profile.TimeZone])}{(member.SkipNext ? " (you're skipping it)" : "")}");
        }
        else if (program is not { Enabled: true })
        {
            lines.Add("No rounds are scheduled here yet.");
        }

        if (paused)
        {
            lines.Add(member.PausedUntil == DateTimeOffset.MaxValue
                ? "You're paused until you resume."
                : $"You're paused until {TimeZoneInfo.ConvertTime(member.PausedUntil!.Value, Scheduling.RoundSchedule.Zone(member.Profile.TimeZone)).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.");
        }

        var latest = (await rounds.ListAsync(communityId, 50, cancellationToken).ConfigureAwait(false))
            .Where(r => r.Status != RoundStatus.Claimed && r.GroupOf(member.UserId) is not null)
            .MaxBy(r => r.Number);
        if (latest is not null)
        {
            var partners = latest.GroupOf(member.UserId)!.Members.Where(id => id != member.UserId).Select(CoffeeTexts.Mention).ToList();
            lines.Add($"Current partner (round {latest.Number}): {(partners.Count == 0 ? "a former member" : string.Join(" and ", partners))}");
        }

        ButtonSpec[] buttons =
        [
            paused ? new ButtonSpec("Resume", "/coffee resume", ButtonStyle.Primary) : new ButtonSpec("Pause 2 weeks", "/coffee pause weeks:2"),
            new ButtonSpec("Skip next round", "/coffee skip"),
            new ButtonSpec("Edit profile", "/coffee edit"),
        ];
        return new HomeSection("☕ Coffee chats", lines, paused || member.SkipNext ? [buttons[0], buttons[2]] : buttons);
    }
}
