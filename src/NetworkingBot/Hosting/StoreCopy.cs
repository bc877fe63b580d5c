using NetworkingBot.Core.CoffeeChats;

namespace NetworkingBot.Hosting;

/// <summary>How much <see cref="StoreCopy"/> copied.</summary>
public sealed record StoreCopyCounts(int Programs, int Members, int Rounds, int Deliveries, int CheckIns);

/// <summary>
/// Copies everything from one store to another through the store ports only, so it works for any pair of
/// stores. The target must be empty: rounds are claimed in number order, so they get the same numbers again.
/// </summary>
public sealed class StoreCopy(IMemberStore fromMembers, ICoffeeScheduleStore fromPrograms, IRoundStore fromRounds, IMemberStore toMembers, ICoffeeScheduleStore toPrograms, IRoundStore toRounds)
{
    /// <summary>Why a copy into a store that holds data is refused.</summary>
    public const string NotEmpty = "The target store already holds data; migrate into an empty one (for Redis, a new prefix=).";

    /// <summary>Copies the given communities (the ports cannot list communities that have no program).</summary>
    public async Task<StoreCopyCounts> CopyAsync(IReadOnlyCollection<string> communities, CancellationToken cancellationToken)
    {
        if ((await toPrograms.ListAsync(cancellationToken).ConfigureAwait(false)).Count > 0
            || await AnyAsync(communities, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException(NotEmpty);
        }

        var programs = await fromPrograms.ListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var program in programs)
        {
            await toPrograms.UpsertAsync(program, cancellationToken).ConfigureAwait(false);
        }

        int members = 0, rounds = 0, deliveries = 0, checkIns = 0;
        foreach (var community in communities)
        {
            foreach (var member in await fromMembers.ListAsync(community, cancellationToken).ConfigureAwait(false))
            {
                await toMembers.UpsertAsync(member, cancellationToken).ConfigureAwait(false);
                members++;
            }

            var all = await fromRounds.ListAsync(community, int.MaxValue, cancellationToken).ConfigureAwait(false);
            foreach (var round in all.OrderBy(r => r.Number))
            {
                var claimed = await toRounds.TryClaimAsync(round, cancellationToken).ConfigureAwait(false);
                if (claimed?.Number != round.Number)
                {
                    throw new InvalidOperationException($"Round {round.RoundId} of {community} would become number {claimed?.Number} instead of {round.Number}; the copy stopped.");
                }

                foreach (var key in await fromRounds.GetDeliveriesAsync(round.RoundId, cancellationToken).ConfigureAwait(false))
                {
                    // The source keeps no time the port returns; the copy's time marks when it arrived.
                    await toRounds.TryRecordDeliveryAsync(round.RoundId, key, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
                    deliveries++;
                }

                foreach (var answer in await fromRounds.GetCheckInsAsync(round.RoundId, cancellationToken).ConfigureAwait(false))
                {
                    await toRounds.SaveCheckInAsync(answer, cancellationToken).ConfigureAwait(false);
                    checkIns++;
                }

                rounds++;
            }
        }

        return new StoreCopyCounts(programs.Count, members, rounds, deliveries, checkIns);
    }

    private async Task<bool> AnyAsync(IReadOnlyCollection<string> communities, CancellationToken cancellationToken)
    {
        foreach (var community in communities)
        {
            if ((await toMembers.ListAsync(community, cancellationToken).ConfigureAwait(false)).Count > 0
                || (await toRounds.ListAsync(community, 1, cancellationToken).ConfigureAwait(false)).Count > 0)
            {
                return true;
            }
        }

        return false;
    }
}
