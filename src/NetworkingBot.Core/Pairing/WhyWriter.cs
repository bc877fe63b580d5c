namespace NetworkingBot.Core.Pairing;

/// <summary>
/// Writes the one-line "why" every group member sees: plain words, display names, what they share,
/// and an honest note when a repeat could not be avoided. Clauses are added in order of interest and
/// dropped once the line would pass <see cref="MaxLength"/> characters.
/// </summary>
internal static class WhyWriter
{
    public const int MaxLength = 200;

    public static string Write(IReadOnlyList<int> group, PairScorer scorer) =>
        group.Count == 2 ? ForPair(group[0], group[1], scorer) : ForTrio(group, scorer);

    private static string ForPair(int a, int b, PairScorer scorer)
    {
        var (x, y) = (scorer.Members[a], scorer.Members[b]);
        var c = scorer.Criteria(a, b);
        var hours = $"your waking hours overlap by {Hours(c.HoursOverlap)}";
        var parts = new List<string>();
        if (c.Shared.Count > 0)
        {
            parts.Add($"you both work in {List(c.Shared)}");
        }

        if (MentorClause(x, y) is string mentor)
        {
            parts.Add(mentor);
        }

        if (c.Region == 1)
        {
            parts.Add($"you're both in {x.Region} and up for meeting in person");
        }

        if (c.LastMetRound is int round)
        {
            return Sentence([$"You met in round {round}; a fresh partner wasn't possible for everyone this time", .. parts, hours]);
        }

        return parts.Count == 0
            ? Sentence([$"A fresh face: you haven't met before, and {hours}"])
            : Sentence([.. parts, hours]);
    }

    private static string ForTrio(IReadOnlyList<int> group, PairScorer scorer)
    {
        var members = group.Select(i => scorer.Members[i]).ToList();
        var hours = $"your waking hours overlap by {Hours(WakingHours.CommonMinutes(members.Select(m => m.WakeStartUtc)) / 60)}";
        var parts = new List<string>();
        var named = new HashSet<int>();
        var allShare = members.Skip(1).Aggregate((IEnumerable<string>)members[0].Interests, (acc, m) => acc.Intersect(m.Interests)).ToList();
        var pairs = new[] { (0, 1), (0, 2), (1, 2) }.Select(p => (X: members[p.Item1], Y: members[p.Item2], I: group[p.Item1], J: group[p.Item2])).ToList();
        if (allShare.Count > 0)
        {
            parts.Add($"you all work in {List(allShare)}");
            named.UnionWith(group);
        }
        else
        {
            foreach (var (x, y, i, j) in pairs.Where(p => PairScorer.SharedInterests(p.X, p.Y).Length > 0).Take(2))
            {
                parts.Add($"{x.Name} and {y.Name} share {List(PairScorer.SharedInterests(x, y))}");
                named.UnionWith([i, j]);
            }
        }

        var mentor = pairs
            .Select(p => (p.I, p.J, Clause: MentorClause(p.X, p.Y)))
            .FirstOrDefault(m => m.Clause is not null && !m.Clause.StartsWith("you", StringComparison.Ordinal));
        if (mentor.Clause is not null)
        {
            parts.Add(mentor.Clause);
            named.UnionWith([mentor.I, mentor.J]);
        }

        // Everyone in a trio should find themselves in the line, not only the two who share the most.
        var unnamed = group.Where(i => !named.Contains(i)).ToList();
        if (unnamed.Count == 1 && parts.Count > 0 && group.All(j => j == unnamed[0] || scorer.LastMet(unnamed[0], j) is null))
        {
            parts.Add($"{scorer.Members[unnamed[0]].Name} completes the trio as a fresh face");
        }

        var repeats = pairs.Where(p => scorer.LastMet(p.I, p.J) is not null).ToList();
        if (repeats.Count > 0)
        {
            var (x, y, i, j) = repeats[0];
            var note = $"{x.Name} and {y.Name} met in round {scorer.LastMet(i, j)}; a completely fresh group wasn't possible this time";
            return Sentence([note, .. parts, hours]);
        }

        return parts.Count == 0
            ? Sentence([$"Fresh faces: none of you have met before, and {hours}"])
            : Sentence([.. parts, hours]);
    }

    /// <summary>The mentoring reason of a pair, named by who wants what; null when there is none.</summary>
    private static string? MentorClause(MemberTraits x, MemberTraits y)
    {
        foreach (var (s, o) in new[] { (x, y), (y, x) })
        {
            var (wants, other) = (s.Profile.LookingFor, o.Profile.LookingFor);
            if (wants == PairingLookingFor.Mentor && other == PairingLookingFor.Mentee)
            {
                return $"{s.Name} is looking for a mentor and {o.Name} would like to mentor";
            }
        }

        foreach (var (s, o) in new[] { (x, y), (y, x) })
        {
            if (s.Profile.LookingFor == PairingLookingFor.Mentor && o.MentorMinded)
            {
                return $"{s.Name} is looking for a mentor and {o.Name} is mentor-minded";
            }

            if (s.Profile.LookingFor == PairingLookingFor.Mentee && o.MenteeMinded)
            {
                return $"{s.Name} would like to mentor and {o.Name} is early in their career";
            }
        }

        var wantsPeer = x.Profile.LookingFor == PairingLookingFor.Peer || y.Profile.LookingFor == PairingLookingFor.Peer;
        return wantsPeer && PairScorer.SimilarStage(x.Profile.Stage, y.Profile.Stage) ? "you're at a similar career stage" : null;
    }

    /// <summary>Joins clauses with semicolons, keeping the first and as many of the rest as fit.</summary>
    private static string Sentence(IReadOnlyList<string> clauses)
    {
        var text = clauses[0];
        foreach (var clause in clauses.Skip(1))
        {
            if (text.Length + clause.Length + 3 <= MaxLength)
            {
                text += "; " + clause;
            }
        }

        text = char.ToUpperInvariant(text[0]) + text[1..] + ".";
        return text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
    }

    private static string Hours(int h) => h == 1 ? "1 hour" : $"{h} hours";

    /// <summary>"a", "a and b", "a, b and c" (at most three, so the line stays short).</summary>
    private static string List(IReadOnlyList<string> items)
    {
        var count = Math.Min(items.Count, 3);
        return count == 1 ? items[0] : string.Join(", ", items.Take(count - 1)) + " and " + items[count - 1];
    }
}
