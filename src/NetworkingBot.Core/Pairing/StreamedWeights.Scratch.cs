using NetworkingBot.Core.Pairing.Matching;

namespace NetworkingBot.Core.Pairing;

internal sealed partial class StreamedWeights
{
    /// <summary>
    /// What every row of one pricing pass reads: the duals, each chunk's least vertex dual, each vertex's outer blossom
    /// (-1: none) and the duals along its heavy path of blossoms (<see cref="BlossomDuals.HeavyPathSums"/>), whether
    /// near pairs are kept, and the slack a near pair must be below.
    /// </summary>
    private sealed record Pricing(long[] Y, BlossomDuals Duals, long[] ChunkMin, long[] Outer, long[] PathSums, bool KeepNear, bool KeepAcross, long Cap = long.MaxValue)
    {
        /// <summary>Per chunk, the outer blossom every vertex of it is in (-1: none, or not the same for all).</summary>
        public long[] ChunkOuter { get; private init; } = [];

        /// <summary>Per chunk, the least heavy-path sum of its vertices.</summary>
        public long[] ChunkPath { get; private init; } = [];

        /// <summary>A pass's inputs, with each vertex's outer blossom and heavy-path sum read from <paramref name="duals"/>.</summary>
        public static Pricing For(long[] y, BlossomDuals duals, long[] chunkMin, bool keepNear, bool keepAcross, long cap = long.MaxValue)
        {
            var outer = new long[y.Length];
            for (var v = 0; v < outer.Length; v++)
            {
                outer[v] = duals.Outer(v);
            }

            var sums = duals.HeavyPathSums();
            var chunks = (y.Length + Chunk - 1) / Chunk;
            var (chunkOuter, chunkPath) = (new long[chunks], new long[chunks]);
            for (var c = 0; c < chunks; c++)
            {
                var (from, to) = (c * Chunk, Math.Min(y.Length, (c + 1) * Chunk));
                chunkOuter[c] = outer[from];
                chunkPath[c] = long.MaxValue;
                for (var v = from; v < to; v++)
                {
                    chunkOuter[c] = outer[v] == chunkOuter[c] ? chunkOuter[c] : -1;
                    chunkPath[c] = Math.Min(chunkPath[c], sums[v]);
                }
            }

            return new Pricing(y, duals, chunkMin, outer, sums, keepNear, keepAcross, cap) { ChunkOuter = chunkOuter, ChunkPath = chunkPath };
        }
    }

    /// <summary>One thread's row buffer, history scratch and findings.</summary>
    private sealed class RowScratch(int n)
    {
        public long[] Row { get; } = new long[n];

        public long[] Scratch { get; } = new long[n];

        /// <summary>Positions in the chunk's row that may hold a violated or near pair (see <see cref="Candidates"/>).</summary>
        public int[] Candidates { get; } = new int[Chunk];

        public (long Slack, int V, long W)[] Best { get; } = new (long, int, long)[NearPerRowJoining];

        public (long Slack, int V, long W)[] Cross { get; } = new (long, int, long)[NearAcrossPerRow];

        public List<(int U, int V, long Slack)> Found { get; } = [];

        public List<(long Slack, int U, int V, long W)> Near { get; } = [];

        public long Deepest { get; set; }
    }
}
