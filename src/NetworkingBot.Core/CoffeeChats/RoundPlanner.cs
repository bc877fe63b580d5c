using NetworkingBot.Core.Pairing;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>Chooses a round's groups from the stored members and history. Used by real rounds and previews alike.</summary>
public sealed class RoundPlanner(IMemberStore members, IRoundStore rounds, IPairingEngine engine)
{
    /// <summary>How many past rounds the history reads; enough for years of weekly rounds.</summary>
    private const int HistoryDepth = 5000;

    /// <summary>
    /// Plans a round. <paramref name="ignoreCadence"/> is for an organiser's pair-now: everyone available takes
    /// part, whatever their own cadence says (it governs the scheduled rounds).
    /// </summary>
    public async Task<(PairingPlan Plan, IReadOnlyList<Member> Eligible)> PlanAsync(
        CoffeeSchedule program, DateTimeOffset roundAt, int roundNumber, int seed, string? excludeRoundId, bool ignoreCadence, CancellationToken cancellationToken)
    {
        var all = await members.ListAsync(program.CommunityId, cancellationToken).ConfigureAwait(false);
        var eligible = all.Where(m => ignoreCadence ? Eligibility.IsAvailable(m, roundAt) : Eligibility.IsEligible(m, roundAt)).ToList();
        var past = (await rounds.ListAsync(program.CommunityId, HistoryDepth, cancellationToken).ConfigureAwait(false))
            .Where(r => r.RoundId != excludeRoundId)
            .ToList();
        var request = new PairingRequest(
            eligible.Select(PairingInput.Of).ToList(),
            HistoryBuilder.Build(past),
            program.GroupSize,
            roundNumber,
            roundAt,
            seed);
        return (engine.Plan(request), eligible);
    }
}
