namespace NetworkingBot.Core.Pairing.Matching;

/// <summary>
/// A bound on dual updates between two augmentations, so a broken invariant (a stale best edge that is never
/// refreshed, an edge made tight but never scanned) fails loudly instead of repeating zero-delta updates forever.
/// </summary>
/// <remarks>
/// Galil's primal-dual method (Z. Galil, "Efficient algorithms for finding maximum matching in graphs", ACM
/// Computing Surveys 18(1), 1986, the weighted case; mwmatching's stages follow it) makes O(n) dual updates per
/// stage, because each update that does not end the stage does one of: labels a new top-level blossom T (an
/// S-to-free edge became tight), forms a blossom or augments (an S-to-S edge became tight), or expands a T-blossom
/// whose dual reached zero. Here a stage goes on after an augmentation (BlossomSolver.Trees), but between two
/// augmentations no label is removed except by expansions, so the same count holds per interval: at most about
/// 2n T-labels (n vertices, plus the children an expansion returns unlabeled), as many blossoms formed, and n/2
/// expansions (blossoms present at the interval's start; those formed in it are S and stay S). The limit below
/// is 6n + 16, above that count with room to spare; the tests record the most updates seen between augmentations
/// on their graphs and compare it with the limit.
/// </remarks>
internal sealed partial class BlossomSolver
{
    private readonly long updateLimit;
    private long updatesSinceAugment;

    /// <summary>The most dual updates seen between two augmentations (or a stage's start and end) in this solve.</summary>
    public long MostUpdatesBetweenAugmentations { get; private set; }

    /// <summary>The default bound on dual updates between augmentations for n vertices (see remarks).</summary>
    public static long DefaultUpdateLimit(int vertexCount) => (6L * vertexCount) + 16;

    /// <summary>Counts one dual update that did not end the stage; throws when the theory's bound is passed.</summary>
    private void CountDualUpdate()
    {
        updatesSinceAugment++;
        MostUpdatesBetweenAugmentations = Math.Max(MostUpdatesBetweenAugmentations, updatesSinceAugment);
        if (updatesSinceAugment > updateLimit)
        {
            var free = 0;
            var (s, t) = (0, 0);
            for (var v = 0; v < n; v++)
            {
                free += mate[v] == -1 ? 1 : 0;
                s += label[inBlossom[v]] == 1 ? 1 : 0;
                t += label[inBlossom[v]] == 2 ? 1 : 0;
            }

            throw new InvalidOperationException(
                $"Blossom solver made {updatesSinceAugment} dual updates without augmenting (limit {updateLimit} for {n} vertices): " +
                $"stage {stage}, {free} free vertices, {s} S-vertices, {t} T-vertices, {touchedVertices.Count} touched vertices, " +
                $"{touchedBlossoms.Count} touched blossoms. An invariant is broken (a stale best edge, or a tight edge never scanned).");
        }
    }
}
