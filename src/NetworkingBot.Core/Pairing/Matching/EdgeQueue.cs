namespace NetworkingBot.Core.Pairing.Matching;

/// <summary>
/// A min-queue of the blossom solver's best edges with at most one entry per vertex or blossom, whose key changes in
/// place (a binary heap with each item's position). A best edge improves many times a stage: queued anew each time,
/// the stale entries outnumbered the live ones, a 10,000-member join's first solve queued 440,000 entries for 10,000
/// vertices and spent a sixth of its time taking 500,000 stale ones off the top (docs/PERFORMANCE.md).
/// </summary>
/// <param name="capacity">Items are 0 .. capacity - 1.</param>
internal sealed class EdgeQueue(int capacity)
{
    private readonly int[] position = BlossomSolver.Filled(capacity, -1);
    private readonly int[] edges = new int[capacity];
    private (long Key, int Item)[] heap = new (long, int)[Math.Min(capacity, 256)];
    private int count;

    /// <summary>Queues item x with edge e under <paramref name="key"/>, replacing its entry if it has one.</summary>
    public void Set(int x, int e, long key)
    {
        edges[x] = e;
        var i = position[x];
        if (i < 0)
        {
            if (count == heap.Length)
            {
                Array.Resize(ref heap, Math.Min(capacity, 2 * heap.Length));
            }

            heap[count] = (key, x);
            position[x] = count;
            SiftUp(count++);
            return;
        }

        var old = heap[i].Key;
        heap[i].Key = key;
        if (key < old)
        {
            SiftUp(i);
        }
        else
        {
            SiftDown(i);
        }
    }

    /// <summary>The key item x is queued under, or null when it has no entry.</summary>
    public long? KeyOf(int x) => position[x] < 0 ? null : heap[position[x]].Key;

    /// <summary>The least entry without taking it off: false when the queue is empty.</summary>
    public bool TryPeek(out int x, out int e, out long key)
    {
        if (count == 0)
        {
            (x, e, key) = (-1, -1, long.MaxValue);
            return false;
        }

        (key, x) = heap[0];
        e = edges[x];
        return true;
    }

    /// <summary>Takes the least entry off and returns its item and edge.</summary>
    public (int X, int E) Dequeue()
    {
        var x = heap[0].Item;
        Remove(x);
        return (x, edges[x]);
    }

    /// <summary>Takes item x's entry off, if it has one.</summary>
    public void Remove(int x)
    {
        var i = position[x];
        if (i < 0)
        {
            return;
        }

        position[x] = -1;
        count--;
        if (i == count)
        {
            return;
        }

        var last = heap[count];
        heap[i] = last;
        position[last.Item] = i;
        if (i > 0 && last.Key < heap[(i - 1) / 2].Key)
        {
            SiftUp(i);
        }
        else
        {
            SiftDown(i);
        }
    }

    /// <summary>Empties the queue (the cost of its entries, not of its capacity).</summary>
    public void Clear()
    {
        for (var i = 0; i < count; i++)
        {
            position[heap[i].Item] = -1;
        }

        count = 0;
    }

    private void SiftUp(int i)
    {
        var entry = heap[i];
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (heap[parent].Key <= entry.Key)
            {
                break;
            }

            heap[i] = heap[parent];
            position[heap[i].Item] = i;
            i = parent;
        }

        heap[i] = entry;
        position[entry.Item] = i;
    }

    private void SiftDown(int i)
    {
        var entry = heap[i];
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && heap[child + 1].Key < heap[child].Key)
            {
                child++;
            }

            if (heap[child].Key >= entry.Key)
            {
                break;
            }

            heap[i] = heap[child];
            position[heap[i].Item] = i;
            i = child;
        }

        heap[i] = entry;
        position[entry.Item] = i;
    }
}
