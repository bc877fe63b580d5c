using System.Globalization;
using NetworkingBot.Core.Pairing;

namespace NetworkingBot.Benchmarks;

/// <summary>
/// Writes a round's weighted graph ("n m", then "u v w" per edge) and its matching ("u v" per pair) as
/// plain text, vertices being member indices, so any independent matching solver can check the result.
/// NAME.graph is the graph the engine's matching is optimal on: the complete graph for rounds solved from a
/// table, else the final candidate graph (priced rounds: where pricing stopped; block rounds: the blocks').
/// Up to <c>completeLimit</c> members NAME-complete.graph (with a copy of the matching as NAME-complete.matching)
/// holds every pair too, so the complete graph's optimum can be checked independently (12.5 million edges,
/// about 350 MB, at 5,000).
/// </summary>
internal static class GraphExport
{
    public static void Write(string directory, string name, PairScorer scorer, MatchOutcome proof, int completeLimit)
    {
        Directory.CreateDirectory(directory);
        var n = scorer.Members.Count;
        if (proof.Graph is { } edges)
        {
            using var graph = new StreamWriter(Path.Combine(directory, name + ".graph"));
            graph.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n} {edges.Count}"));
            foreach (var (u, v, w) in edges)
            {
                graph.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{u} {v} {w}"));
            }

            WriteMatching(Path.Combine(directory, name + ".matching"), proof);
            Console.WriteLine($"  exported {name}: candidate graph, {(proof.Exact ? "exact optimum of the complete graph" : "optimum on it")}");
        }

        if (n > completeLimit)
        {
            return;
        }

        var complete = proof.Graph is null ? name : name + "-complete";
        WriteComplete(Path.Combine(directory, complete + ".graph"), scorer);
        WriteMatching(Path.Combine(directory, complete + ".matching"), proof);
        Console.WriteLine($"  exported {complete}: complete graph, {(proof.Exact ? "exact optimum" : "matching not proven optimal there")}");
    }

    private static void WriteComplete(string path, PairScorer scorer)
    {
        var n = scorer.Members.Count;
        var others = Enumerable.Range(0, n).ToArray();
        var row = new long[n];
        var scratch = new int[n];
        using var graph = new StreamWriter(path);
        graph.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n} {(long)n * (n - 1) / 2}"));
        for (var u = 0; u < n; u++)
        {
            scorer.Weights.Row(u, others.AsSpan(u + 1), row, scratch);
            for (var v = u + 1; v < n; v++)
            {
                graph.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{u} {v} {row[v - u - 1]}"));
            }
        }
    }

    private static void WriteMatching(string path, MatchOutcome proof)
    {
        using var matching = new StreamWriter(path);
        foreach (var (a, b) in proof.Pairs)
        {
            matching.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{a} {b}"));
        }
    }
}
