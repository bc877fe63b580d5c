using System.Globalization;
using NetworkingBot.Core.Pairing;

namespace NetworkingBot.Benchmarks;

/// <summary>
/// Writes a round's weighted graph ("n m", then "u v w" per edge) and its matching ("u v" per pair) as
/// plain text, vertices being member indices, so any independent matching solver can check the result.
/// Exact rounds write the complete graph; block rounds their candidate graph (where the matching is optimal).
/// </summary>
internal static class GraphExport
{
    public static void Write(string directory, string name, PairScorer scorer, MatchOutcome proof)
    {
        Directory.CreateDirectory(directory);
        var n = scorer.Members.Count;
        using (var graph = new StreamWriter(Path.Combine(directory, name + ".graph")))
        {
            if (proof.Graph is { } edges)
            {
                graph.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n} {edges.Count}"));
                foreach (var (u, v, w) in edges)
                {
                    graph.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{u} {v} {w}"));
                }
            }
            else
            {
                graph.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n} {(long)n * (n - 1) / 2}"));
                for (var u = 0; u < n; u++)
                {
                    for (var v = u + 1; v < n; v++)
                    {
                        graph.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{u} {v} {scorer.Weight(u, v)}"));
                    }
                }
            }
        }

        using var matching = new StreamWriter(Path.Combine(directory, name + ".matching"));
        foreach (var (a, b) in proof.Pairs)
        {
            matching.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{a} {b}"));
        }

        Console.WriteLine($"  exported {name}: {(proof.Exact ? "complete graph, exact optimum" : "candidate graph, optimum on it")}");
    }
}
