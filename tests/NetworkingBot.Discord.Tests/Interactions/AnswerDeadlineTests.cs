using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Discord.Tests.Interactions;

/// <summary>
/// Every answer carries the moment Discord stops accepting it, so the REST client never waits or retries past it
/// (see <c>Rest/InteractionDeadlineTests</c>): the first response 3 s after the interaction arrived, edits and follow-ups 15 min.
/// </summary>
public sealed class AnswerDeadlineTests
{
    private static readonly Dictionary<string, object> Profile = new() { ["interests"] = "archives", ["tz"] = "UTC" };

    [Fact]
    public async Task The_first_response_may_be_sent_until_three_seconds_after_the_interaction_arrived()
    {
        await using var rig = new InteractionRig();

        await rig.CallbackOfAsync(DiscordPayloads.Slash("coffee", "join", Profile));

        var (route, _, at) = rig.Rest.To("interactions/")[0];
        var left = route.NotAfter!.Value - at;
        Assert.InRange(left, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_deferral_keeps_the_three_seconds_and_the_edit_after_it_the_token_s_fifteen_minutes()
    {
        await using var rig = new InteractionRig(instantWindow: TimeSpan.Zero);

        await rig.DispatchAsync(DiscordPayloads.Slash("coffee", "join", Profile));

        var (deferral, _, deferredAt) = (await rig.Rest.WaitForAsync("interactions/"))[0];
        var (edit, _, editedAt) = (await rig.Rest.WaitForAsync("webhooks/"))[0];
        Assert.InRange(deferral.NotAfter!.Value - deferredAt, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(3));
        Assert.InRange(edit.NotAfter!.Value - editedAt, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }
}
