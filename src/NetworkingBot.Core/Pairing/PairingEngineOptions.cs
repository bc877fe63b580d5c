namespace NetworkingBot.Core.Pairing;

/// <summary>
/// Size limits of <see cref="MaxWeightPairingEngine"/>. Up to <see cref="ExactLimit"/> members a round is
/// matched exactly on the complete graph: up to <see cref="TableLimit"/> from a table of every pair's weight,
/// above it waking slot by waking slot (a table per slot up to <see cref="TableLimit"/>, blocks above), then priced
/// against every pair without a table (see <see cref="ExactBlockMatcher"/>; docs/PERFORMANCE.md has the times at
/// 10,000). Above <see cref="ExactLimit"/>, in blocks of about
/// <see cref="BlockSize"/> similar members, each matched exactly on a candidate graph of its best partners (see
/// <see cref="BlockMatcher"/>). Even rounds of up to <see cref="RepeatFreeLimit"/> members follow
/// <see cref="RepeatFreeSchedule"/>, which keeps a stable membership repeat-free for N-1 rounds; above it, N-1
/// rounds are years of weekly chats, so each round's free optimum is worth more than the distant guarantee; odd
/// rounds of up to that size plan their trio cycles ahead (see <see cref="TrioCycle"/>). Blocks of 2,000 (500 before
/// the blocks were cut in interest order): at 100,000 members the plan scores 0.9992-0.9993 of the exact optimum
/// (0.9989-0.9990 in blocks of 1,000, 0.9985-0.9987 in blocks of 500) in 3.4-4.4 s; the exact path's slots start
/// from blocks of at most <see cref="ExactBlockMatcher.SlotBlockSize"/> (docs/PERFORMANCE.md).
/// <see cref="KeepGraph"/>
/// keeps the candidate graph of a round solved from blocks (the blocks' graphs, or the graph where pricing
/// stopped) for export (benchmark only).
/// </summary>
public sealed record PairingEngineOptions(
    int ExactLimit = 10000,
    int BlockSize = 2000,
    int RepeatFreeLimit = 256,
    bool KeepGraph = false,
    int TableLimit = 2000)
{
    public static PairingEngineOptions Default { get; } = new();
}
