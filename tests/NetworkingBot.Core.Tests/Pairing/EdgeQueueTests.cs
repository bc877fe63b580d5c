using NetworkingBot.Core.Pairing.Matching;
using Xunit;

namespace NetworkingBot.Core.Tests.Pairing;

public sealed class EdgeQueueTests
{
    [Fact]
    public void Follows_a_plain_table_of_entries_through_random_changes()
    {
        // Keys go up and down in place, entries are removed from the middle, the top is taken, the queue is emptied:
        // after every step the least entry is the table's least, and each item's key and edge are the table's.
        var random = new Random(7);
        const int capacity = 300;
        var queue = new EdgeQueue(capacity);
        var table = new Dictionary<int, (int Edge, long Key)>();
        for (var step = 0; step < 200_000; step++)
        {
            var x = random.Next(capacity);
            switch (random.Next(20))
            {
                case < 12:
                    var entry = (random.Next(1000), (long)random.Next(-500, 500));
                    queue.Set(x, entry.Item1, entry.Item2);
                    table[x] = entry;
                    break;
                case < 16:
                    queue.Remove(x);
                    table.Remove(x);
                    break;
                case < 19 when table.Count > 0:
                    var (item, edge) = queue.Dequeue();
                    Assert.Equal(table.Values.Min(v => v.Key), table[item].Key);
                    Assert.Equal(table[item].Edge, edge);
                    table.Remove(item);
                    break;
                case 19 when random.Next(100) == 0:
                    queue.Clear();
                    table.Clear();
                    break;
            }

            Assert.Equal(table.TryGetValue(x, out var kept) ? kept.Key : (long?)null, queue.KeyOf(x));
            if (queue.TryPeek(out var top, out var topEdge, out var topKey))
            {
                Assert.Equal(table.Values.Min(v => v.Key), topKey);
                Assert.Equal((table[top].Edge, table[top].Key), (topEdge, topKey));
            }
            else
            {
                Assert.Empty(table);
            }
        }
    }
}
