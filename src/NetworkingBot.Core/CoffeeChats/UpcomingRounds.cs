using NetworkingBot.Core.Scheduling;

namespace NetworkingBot.Core.CoffeeChats;

/// <summary>
/// Which scheduled rounds will really go out. A scheduled round that nobody is due for (everyone paired by a
/// recent pair-now, paused or on a slower cadence) sends nothing and takes no number, so status and preview look
/// past it: to a member's own next round, and to the next round anyone is due for.
/// </summary>
public static class UpcomingRounds
{
    /// <summary>How many scheduled instants are looked at: over two years of weekly rounds, more than any pause.</summary>
    public const int Horizon = 120;

    /// <summary>
    /// The first scheduled round after <paramref name="now"/> that includes <paramref name="member"/>: they are due by
    /// their cadence and not paused, and a pending skip has used up the first such round. Null while paused
    /// indefinitely (or beyond the horizon).
    /// </summary>
    public static DateTimeOffset? NextFor(CoffeeSchedule program, Member member, DateTimeOffset now)
    {
        var skipping = member.SkipNext;
        foreach (var at in Slots(program, now))
        {
            if (Eligibility.IsExpected(member, at))
            {
                if (!skipping)
                {
                    return at;
                }

                skipping = false;
            }
        }

        return null;
    }

    /// <summary>
    /// The first scheduled round after <paramref name="now"/> that will go out (someone expected is not skipping),
    /// and the quiet slots before it; null when none within the horizon. Skips are used up as the rounds pass, as
    /// <see cref="RoundService"/> does.
    /// </summary>
    public static (DateTimeOffset? Next, IReadOnlyList<DateTimeOffset> Quiet) NextWithAnyone(CoffeeSchedule program, IReadOnlyList<Member> members, DateTimeOffset now)
    {
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        var quiet = new List<DateTimeOffset>();
        foreach (var at in Slots(program, now))
        {
            var expected = members.Where(m => Eligibility.IsExpected(m, at)).ToList();
            if (expected.Any(m => !m.SkipNext || skipped.Contains(m.UserId)))
            {
                return (at, quiet);
            }

            skipped.UnionWith(expected.Select(m => m.UserId));
            quiet.Add(at);
        }

        return (null, quiet);
    }

    private static IEnumerable<DateTimeOffset> Slots(CoffeeSchedule program, DateTimeOffset after)
    {
        var at = after;
        for (var i = 0; i < Horizon; i++)
        {
            at = RoundSchedule.Next(program, at);
            yield return at;
        }
    }
}
