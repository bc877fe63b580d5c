namespace NetworkingBot.Core.Pairing;

/// <summary>
/// The circle method (round-robin): 2m members, one fixed at "infinity" and 2m-1 on a circle, give 2m-1
/// perfect matchings that together contain every pair exactly once. Round j pairs infinity with position j
/// and (j+i, j-i) for i = 1..m-1. The labelling is read off a first matching, so round 0 is that matching
/// and the labelling can be rebuilt from the history in any later round.
/// </summary>
internal static class CircleRounds
{
    /// <summary>
    /// Positions for a block given its round-0 pairs, each (lower, higher) in the canonical order: pair 0
    /// holds infinity (its first member) and position 0; pair k holds positions k and 2m-1-k.
    /// </summary>
    public static int[] Labelling(IReadOnlyList<(int A, int B)> roundZero)
    {
        var m = roundZero.Count;
        var at = new int[2 * m];
        at[2 * m - 1] = roundZero[0].A;
        at[0] = roundZero[0].B;
        for (var k = 1; k < m; k++)
        {
            at[k] = roundZero[k].A;
            at[(2 * m) - 1 - k] = roundZero[k].B;
        }

        return at;
    }

    /// <summary>The pairs of round j (0..2m-2) of the labelling <paramref name="at"/> (at[2m-1] is infinity).</summary>
    public static IEnumerable<(int A, int B)> Round(int[] at, int j)
    {
        var circle = at.Length - 1;
        yield return (at[circle], at[j]);
        for (var i = 1; i < at.Length / 2; i++)
        {
            yield return (at[(j + i) % circle], at[((j - i) % circle + circle) % circle]);
        }
    }
}
