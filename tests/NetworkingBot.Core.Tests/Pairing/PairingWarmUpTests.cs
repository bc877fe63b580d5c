using NetworkingBot.Core.Pairing;
using Xunit;

namespace NetworkingBot.Core.Tests.Pairing;

/// <summary>The warm-up's made-up rounds take the paths real large rounds take, so it compiles their code.</summary>
public sealed class PairingWarmUpTests
{
    [Fact]
    public void The_made_up_rounds_go_through_the_table_the_slots_and_the_blocks()
    {
        var rounds = PairingWarmUp.Rounds().ToList();
        var proofs = rounds.Select(r => new MaxWeightPairingEngine(r.Options).PlanWithProof(r.Request)).ToList();
        foreach (var ((request, _), (plan, _)) in rounds.Zip(proofs))
        {
            PairingEngineInvariantTests.AssertValid(request, plan);
        }

        // A table of every pair, exact, with a trio.
        var (table, tableOptions) = rounds[0];
        Assert.True(table.Members.Count % 2 == 1 && table.Members.Count <= tableOptions.TableLimit);
        Assert.True(proofs[0].Proof!.Exact);

        // Slot by slot: slots from blocks (above the table limit) with odd counts, and one from a table.
        var (slotted, slottedOptions) = rounds[1];
        var weights = MaxWeightPairingEngine.ScorerFor(slotted).Weights;
        var slots = Enumerable.Range(0, slotted.Members.Count).CountBy(weights.WakeSlot).Select(c => c.Value).ToList();
        Assert.True(slotted.Members.Count > slottedOptions.TableLimit && slotted.Members.Count <= slottedOptions.ExactLimit);
        Assert.True(slots.Count(c => c > slottedOptions.TableLimit && c % 2 == 1) >= 2, string.Join(",", slots));
        Assert.Contains(slots, c => c <= slottedOptions.TableLimit);
        Assert.True(proofs[1].Proof!.Exact);

        // Blocks above the exact limit: not exact, with a proven bound.
        var (blocks, blockOptions) = rounds[2];
        Assert.True(blocks.Members.Count > blockOptions.ExactLimit);
        Assert.False(proofs[2].Proof!.Exact);

        Assert.Equal(proofs.Sum(p => p.Plan.Groups.Count), PairingWarmUp.Run());
    }
}
