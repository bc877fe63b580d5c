namespace NetworkingBot.Core.Pairing;

/// <summary>How the schedule reads its structure back from the history: components, blocks, profile order.</summary>
internal sealed partial class RepeatFreeSchedule
{
    /// <summary>The two blocks a group is made of, or null when it is not exactly two blocks.</summary>
    private static (List<int>, List<int>)? Split(List<int> group, List<List<int>> blocks)
    {
        var inside = blocks.Where(b => group.Contains(b[0])).ToList();
        return inside.Count == 2 && inside.Sum(b => b.Count) == group.Count ? (inside[0], inside[1]) : null;
    }

    /// <summary>Connected components of the graph given by each vertex's neighbours, or null.</summary>
    private static List<List<int>>? Components(int n, Func<int, IEnumerable<int>> neighbours)
    {
        var component = new int[n];
        Array.Fill(component, -1);
        var result = new List<List<int>>();
        for (var v = 0; v < n; v++)
        {
            if (component[v] >= 0)
            {
                continue;
            }

            var members = new List<int> { v };
            component[v] = result.Count;
            for (var i = 0; i < members.Count; i++)
            {
                foreach (var u in neighbours(members[i]).Where(u => component[u] < 0))
                {
                    component[u] = result.Count;
                    members.Add(u);
                }
            }

            result.Add(members);
        }

        return result;
    }

    /// <summary>
    /// Profile order (standard UTC offset, in-person region, interests, id), so blocks gather similar
    /// members. Only fields a member edits are used: input order and daylight saving must not reorder it
    /// between rounds, or the blocks of level 0 could not be rebuilt.
    /// </summary>
    private int[] ProfileRank()
    {
        var members = scorer.Members;
        var order = Enumerable.Range(0, members.Count)
            .OrderBy(v => WakingHours.Resolve(members[v].Profile.TimeZone).BaseUtcOffset)
            .ThenBy(v => members[v].OpenToInPerson ? members[v].Region?.ToUpperInvariant() ?? "~" : "~", StringComparer.Ordinal)
            .ThenBy(v => string.Join(',', members[v].Interests), StringComparer.Ordinal)
            .ThenBy(v => members[v].Id, StringComparer.Ordinal)
            .ToArray();
        var rank = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            rank[order[i]] = i;
        }

        return rank;
    }
}
