namespace NetworkingBot.Core.Pairing;

/// <summary>Splitting a set of members into fresh triangles: greedy, then a seeded repair walk.</summary>
internal sealed partial class TrioCycle
{
    /// <summary>
    /// Splits the set into fresh triangles plus |set| mod 3 members (a fresh pair when two): the planned
    /// triangles still fresh first, then greedy (the member with the fewest fresh partners takes the least
    /// connected triangle), then a seeded random
    /// walk that repairs the rest: a member left out takes two members of a triangle it has fresh edges to,
    /// and the third of that triangle is left out instead, until the members left out close up. When the
    /// steps run out it returns false with the triangles it has (never fewer than before the walk).
    /// </summary>
    private bool Split(ulong[] set, List<int[]> groups, List<int[]> planned, int? seed = null)
    {
        var members = Members(set).ToList();
        var (_, _, degree) = MostConstrained(set);
        var rest = members.Count % 3;
        var owner = new Dictionary<int, int>();
        var triangles = new List<int[]>();
        var left = (ulong[])set.Clone();
        foreach (var t in planned.Where(t => t.Length == 3 && t.All(m => Has(left, m)) && Fresh(t[0], t[1]) && Fresh(t[0], t[2]) && Fresh(t[1], t[2])))
        {
            Form(t, triangles, owner, left);
        }

        foreach (var v in members.OrderBy(v => degree[v]).ThenBy(v => v))
        {
            if (Has(left, v) && BestTriangle(v, left, degree) is { } t)
            {
                Form([v, t.U, t.W], triangles, owner, left);
            }
        }

        var random = new Random((seed ?? scorer.Request.Seed) ^ members.Count);
        var (chain, previous) = (-1, -1);
        while (true)
        {
            var outside = Members(left).ToList();
            if (outside.Count == rest && (rest < 2 || Fresh(outside[0], outside[1])))
            {
                groups.AddRange(triangles);
                if (rest > 0)
                {
                    groups.Add([.. outside]);
                }

                return true;
            }

            if (--budget < 0)
            {
                // Triangles are only ever added, so the last state covers the most: the caller may use it.
                groups.AddRange(triangles);
                return false;
            }

            // An ejection chain: the member just pushed out moves next; it never pushes back the one that pushed it.
            var x = chain >= 0 ? chain : outside[random.Next(outside.Count)];
            if (BestTriangle(x, left, degree) is { } inside)
            {
                Form([x, inside.U, inside.W], triangles, owner, left);
                (chain, previous) = (-1, -1);
                continue;
            }

            var moves = Neighbours(x, set).Where(a => owner.ContainsKey(a) && a != previous).GroupBy(a => owner[a]).Where(g => g.Count() >= 2).ToList();
            if (moves.Count == 0)
            {
                (chain, previous) = (-1, -1);
                continue;
            }

            var chosen = moves[random.Next(moves.Count)].ToList();
            var (a, b) = chosen.Count == 2 ? (chosen[0], chosen[1]) : Two(chosen, random);
            var index = owner[a];
            var ejected = triangles[index].First(m => m != a && m != b);
            owner.Remove(ejected);
            Set(left, ejected);
            Clear(left, x);
            triangles[index] = [x, a, b];
            owner[x] = index;
            (chain, previous) = (random.Next(8) == 0 ? -1 : ejected, x);
        }
    }

    /// <summary>The fresh triangle through v among the members left whose other two have the fewest fresh partners.</summary>
    private (int U, int W)? BestTriangle(int v, ulong[] left, int[] degree)
    {
        var partners = Neighbours(v, left);
        (int U, int W)? best = null;
        foreach (var u in partners)
        {
            foreach (var w in partners)
            {
                if (u < w && Fresh(u, w) && (best is not { } b || degree[u] + degree[w] < degree[b.U] + degree[b.W]))
                {
                    best = (u, w);
                }
            }
        }

        return best;
    }

    private static void Form(int[] triangle, List<int[]> triangles, Dictionary<int, int> owner, ulong[] left)
    {
        foreach (var m in triangle)
        {
            owner[m] = triangles.Count;
            Clear(left, m);
        }

        triangles.Add(triangle);
    }

    private static (int, int) Two(List<int> three, Random random)
    {
        var skip = random.Next(3);
        var kept = three.Where((_, i) => i != skip).ToList();
        return (kept[0], kept[1]);
    }
}
