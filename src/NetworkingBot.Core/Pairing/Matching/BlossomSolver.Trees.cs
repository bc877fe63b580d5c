namespace NetworkingBot.Core.Pairing.Matching;

/// <summary>
/// Several augmentations per stage. The reference algorithm ends a stage at its first augmentation and
/// relabels every free vertex in the next one, so a warm start with thousands of free vertices rescans the
/// whole forest once per augmentation. Here an augmentation only retires the two trees it joined (their labels
/// no longer describe alternating paths); the other trees stay valid, because the path runs inside the two
/// trees and no dual changes, so scanning goes on and every tight augmenting path between live trees is used
/// before the stage ends. Duals are adjusted only in a stage with no augmentation yet, when every tree is live.
/// </summary>
internal sealed partial class BlossomSolver
{
    /// <summary>Roots (top-level blossoms) of the trees retired in this stage: deadRoot[r] == stage.</summary>
    private readonly int[] deadRoot;

    /// <summary>Cached root of each top-level blossom, valid while rootEpoch[b] == epoch.</summary>
    private readonly int[] rootOf;
    private readonly int[] rootEpoch;
    private int epoch;
    private int augmentedInStage;

    /// <summary>
    /// Whether top-level blossom b belongs to a tree retired in this stage. Only asked after an augmentation;
    /// retired trees never change again in the stage, so their roots stay the blossoms marked.
    /// </summary>
    private bool Retired(int b) => augmentedInStage > 0 && deadRoot[RootOf(b)] == stage;

    /// <summary>The root blossom of b's tree, following the label ends up the tree.</summary>
    private int RootOf(int b)
    {
        if (rootEpoch[b] == epoch)
        {
            return rootOf[b];
        }

        var x = b;
        while (labelEnd[x] != -1)
        {
            // S to its T parent, T to its S parent: only a root has no label end.
            x = inBlossom[endpoint[labelEnd[x]]];
        }

        rootEpoch[b] = epoch;
        rootOf[b] = x;
        return x;
    }

    /// <summary>Augments through edge k and retires the two trees it joins.</summary>
    private void AugmentAndRetire(int k)
    {
        // A new blossom can replace a live tree's root, so roots cached before are recomputed.
        epoch++;
        deadRoot[RootOf(inBlossom[edgeU[k]])] = stage;
        deadRoot[RootOf(inBlossom[edgeV[k]])] = stage;
        AugmentMatching(k);
        augmentedInStage++;
    }
}
