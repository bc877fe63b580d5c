using NetworkingBot.Core.Network;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Network;

/// <summary>Shortcuts for follow-up program tests on the real core with in-memory fakes.</summary>
internal static class NetworkTestKit
{
    public static INetworkStore Network(this CoreHarness h) => h.GetService<INetworkStore>();

    /// <summary>Sets up coffee chats and joins the members, so they are opted in here.</summary>
    public static async Task MembersAsync(this CoreHarness h, params string[] users)
    {
        await h.SetUpAsync();
        await h.JoinAsync(users);
    }

    /// <summary>Records a held meeting between two members, as a coffee check-in would.</summary>
    public static Task MetAsync(this CoreHarness h, string a, string b, string how = "coffee chat, round 1") =>
        h.GetService<NetworkLog>().RecordBothAsync(CoreHarness.Community, a, b, how, h.Clock.GetUtcNow(), planned: false, default);
}
