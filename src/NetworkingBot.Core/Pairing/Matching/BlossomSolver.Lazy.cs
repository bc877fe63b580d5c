using System.Runtime.CompilerServices;

namespace NetworkingBot.Core.Pairing.Matching;

/// <summary>
/// Vertex duals that follow dual updates without being visited. A dual update lowers every S-vertex's dual and
/// raises every T-vertex's by the same delta; with thousands of trees that was a walk over the whole forest per
/// update (at 10,000 members, 5,600 updates over 6,000 vertices each). Instead a vertex stores its dual relative
/// to the stage's running total of deltas: the real dual is <c>dual[v] + sign[v] * shift</c>, sign -1 for S,
/// +1 for T, 0 otherwise, and an update only adds its delta to <see cref="shift"/>. A vertex's sign must match its
/// top-level blossom's label whenever the shift moves, so every change of label or blossom marks its vertices,
/// and the marked ones are brought up to date (<see cref="SyncSigns"/>) just before each update; re-basing keeps
/// the real dual unchanged.
/// </summary>
internal sealed partial class BlossomSolver
{
    private readonly sbyte[] sign;
    private readonly bool[] marked;
    private readonly List<int> markedVertices = [];
    private long shift;

    /// <summary>The real dual of vertex v.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Y(int v) => dual[v] + (sign[v] * shift);

    /// <summary>Vertex v's top-level label may have changed: its sign is checked before the next update.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Mark(int v)
    {
        if (!marked[v])
        {
            marked[v] = true;
            markedVertices.Add(v);
        }
    }

    /// <summary>Re-bases every marked vertex on the sign its top-level label gives it now.</summary>
    private void SyncSigns()
    {
        foreach (var v in markedVertices)
        {
            marked[v] = false;
            var l = label[inBlossom[v]];
            var s = (sbyte)(l == 1 ? -1 : l == 2 ? 1 : 0);
            if (s != sign[v])
            {
                dual[v] += (sign[v] - s) * shift;
                sign[v] = s;
            }
        }

        markedVertices.Clear();
    }

    /// <summary>Writes every real dual back (end of a stage, where labels are cleared) and restarts the shift at zero.</summary>
    private void SettleDuals()
    {
        for (var v = 0; v < n; v++)
        {
            dual[v] += sign[v] * shift;
            sign[v] = 0;
            marked[v] = false;
        }

        markedVertices.Clear();
        shift = 0;
    }
}
