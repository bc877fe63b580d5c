using NetworkingBot.Core.Privacy;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>Coffee chats' part of export-me and forget-me: the membership, the rounds and the check-in answers.</summary>
public sealed class CoffeePersonalData(IMemberStore members, IRoundStore rounds) : IPersonalDataSource
{
    public string Name => "coffeeChats";

    public async Task<object?> ExportAsync(string communityId, string userId, CancellationToken cancellationToken)
    {
        var member = await members.GetAsync(communityId, userId, cancellationToken).ConfigureAwait(false);
        var mine = (await rounds.ListAsync(communityId, 5000, cancellationToken).ConfigureAwait(false))
            .Where(r => r.GroupOf(userId) is not null || r.Unmatched.Contains(userId))
            .ToList();
        if (member is null && mine.Count == 0)
        {
            return null;
        }

        var roundExports = new List<object>();
        foreach (var round in mine)
        {
            var answer = (await rounds.GetCheckInsAsync(round.RoundId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(a => a.UserId == userId);
            var group = round.GroupOf(userId);
            roundExports.Add(new
            {
                round = round.Number,
                date = round.ScheduledFor,
                partners = group?.Members.Where(m => m != userId).ToList() ?? [],
                why = group?.Why,
                checkIn = answer?.Answer.ToString(),
            });
        }

        return new { membership = member, rounds = roundExports };
    }

    public async Task<int> ForgetAsync(string communityId, string userId, CancellationToken cancellationToken)
    {
        var removed = await members.DeleteAsync(communityId, userId, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        return removed + await rounds.ForgetUserAsync(communityId, userId, cancellationToken).ConfigureAwait(false);
    }
}
