namespace NetworkingBot.Core.Tests.Architecture;

/// <summary>
/// Finds the dependency cycles of a folder graph. Folders that reach each other form a knot (a strongly connected
/// component, found with Tarjan's algorithm); for every folder of a knot the shortest loop back to it is reported,
/// each loop once and starting at its first folder in ordinal order, so the report names every tie to cut and is
/// the same on every run.
/// </summary>
internal static class FolderCycles
{
    public static IReadOnlyList<IReadOnlyList<string>> Find(IReadOnlyDictionary<string, IReadOnlyCollection<string>> graph)
    {
        var nodes = graph.Keys.Concat(graph.Values.SelectMany(v => v)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var cycles = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var component in Components(nodes, graph).Where(c => c.Count > 1 || Next(graph, c.First()).Contains(c.First())))
        {
            foreach (var start in component.Order(StringComparer.Ordinal))
            {
                var loop = Rotated(ShortestLoop(start, component, graph));
                cycles.TryAdd(string.Join(" -> ", loop), loop);
            }
        }

        return [.. cycles.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value)];
    }

    // The same loop found from another of its folders, written from its first folder in ordinal order.
    private static List<string> Rotated(List<string> loop)
    {
        var ring = loop[..^1];
        var first = ring.IndexOf(ring.Order(StringComparer.Ordinal).First());
        List<string> rotated = [.. ring[first..], .. ring[..first]];
        rotated.Add(rotated[0]);
        return rotated;
    }

    private static IEnumerable<string> Next(IReadOnlyDictionary<string, IReadOnlyCollection<string>> graph, string node) =>
        graph.TryGetValue(node, out var next) ? next.Order(StringComparer.Ordinal) : [];

    private static List<HashSet<string>> Components(List<string> nodes, IReadOnlyDictionary<string, IReadOnlyCollection<string>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<HashSet<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in Next(graph, node))
            {
                if (!index.TryGetValue(next, out var seen))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }

            if (low[node] == index[node])
            {
                var component = new HashSet<string>(StringComparer.Ordinal);
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                components.Add(component);
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return components;
    }

    // Breadth-first inside the component, so the loop shown is as short as the graph allows.
    private static List<string> ShortestLoop(string start, HashSet<string> component, IReadOnlyDictionary<string, IReadOnlyCollection<string>> graph)
    {
        var cameFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var next in Next(graph, node).Where(component.Contains))
            {
                if (next == start)
                {
                    var path = new List<string> { start };
                    for (var at = node; at != start; at = cameFrom[at])
                    {
                        path.Insert(1, at);
                    }

                    path.Add(start);
                    return path;
                }

                if (cameFrom.TryAdd(next, node))
                {
                    queue.Enqueue(next);
                }
            }
        }

        throw new InvalidOperationException($"{start} is in a strongly connected component but no loop returns to it.");
    }
}
