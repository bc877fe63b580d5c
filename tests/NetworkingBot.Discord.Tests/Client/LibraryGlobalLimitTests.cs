using System.Globalization;
using NetworkingBot.Core.Abstractions;
using NetworkingBot.Discord.Client;

namespace NetworkingBot.Discord.Tests.Client;

/// <summary>
/// The messenger under Discord's limits through Discord.Net: paced below the global limit (no 429 the pacer did not
/// plan for), and a burst whose calls are partly answered 429 still delivers every DM exactly once.
/// </summary>
public sealed class LibraryGlobalLimitTests
{
    private const string Community = LibraryRig.Community;

    [Fact]
    public async Task Sixty_concurrent_dms_at_the_default_pace_meet_no_global_429_from_a_Discord_allowing_50_a_second()
    {
        // 121 calls (login, 60 opens, 60 posts): about 2.5 s at 48 a second, where unpaced they would go at once.
        await using var rig = await LibraryRig.StartAsync();
        rig.Fake.GlobalPerSecond = 50;
        var users = Users(60);

        await Task.WhenAll(users.Select(u =>
            rig.Messenger.SendAsync(OutboundMessage.ToUser(Community, u, $"Your coffee partner is <@{u}>", $"round:r1:intro:{u}"), CancellationToken.None)));

        Assert.Equal(0, rig.Fake.GlobalRateLimited);
        Assert.All(users, u => Assert.Single(rig.Fake.MessagesTo(u)));
        Assert.DoesNotContain(rig.Fake.Calls, c => c.Status == 429);
    }

    [Fact]
    public async Task Burst_of_100_dms_with_429s_on_a_share_of_calls_delivers_each_exactly_once()
    {
        // The pace is raised only so the burst fits the test's time; the 429s exercise Discord.Net's retries.
        await using var rig = await LibraryRig.StartAsync(globalPerSecond: 2_000);
        rig.Fake.RateLimitEvery(7, retryAfterSeconds: 0.05);
        var users = Users(100);

        await Task.WhenAll(users.Select(u =>
            rig.Messenger.SendAsync(OutboundMessage.ToUser(Community, u, $"Your coffee partner is <@{u}>", $"round:r1:intro:{u}"), CancellationToken.None)));

        Assert.True(rig.Fake.Calls.Count(c => c.Status == 429) >= 25, "the fake should have rate limited a share of the calls");
        Assert.All(users, u => Assert.Single(rig.Fake.MessagesTo(u)));
        Assert.Equal(100, rig.Fake.Messages.Count);
    }

    [Fact]
    public void This_Discord_Net_builds_kept_channels_and_users_from_their_ids()
    {
        // Without them every kept DM costs a GET channels/{id} and every open a GET users/{id} (KnownEntities).
        Assert.True(KnownEntities.Available, "Discord.Net's id-only RestDMChannel/RestUser constructors moved: see KnownEntities");
    }

    private static List<string> Users(int count) =>
        [.. Enumerable.Range(0, count).Select(i => (2000 + i).ToString(CultureInfo.InvariantCulture))];
}
