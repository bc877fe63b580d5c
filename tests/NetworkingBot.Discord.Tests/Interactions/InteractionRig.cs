using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Commands;
using NetworkingBot.Discord.Client;
using NetworkingBot.Discord.Tests.Client;
using NetworkingBot.Testing.Fakes;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Discord.Tests.Interactions;

/// <summary>
/// The real core (in-memory) behind the adapter's interaction handling as the host runs it: Discord.Net on the guarded
/// gateway socket, connected to the loopback fakes (<see cref="LibraryInteractionRig"/>). <see cref="Rest"/> shows the
/// calls that answer interactions (callbacks and webhook edits), in order.
/// </summary>
internal sealed class InteractionRig : IAsyncDisposable
{
    private readonly LibraryInteractionRig _rig;

    private InteractionRig(LibraryInteractionRig rig)
    {
        _rig = rig;
        Rest = new AnswerCalls(rig.Rest);
    }

    public static async Task<InteractionRig> StartAsync(TimeSpan? instantWindow = null, DiscordOptions? options = null, Action<IServiceCollection>? extra = null) =>
        new(await LibraryInteractionRig.StartAsync(instantWindow, options: options, extra: extra));

    public CoreHarness Core => _rig.Core;

    public AnswerCalls Rest { get; }

    public LibraryInteractionHandler Handler => _rig.Handler;

    public static string Community => LibraryInteractionRig.Community;

    public Task<Member?> MemberAsync(string userId) => ((IMemberStore)Core.Store).GetAsync(Community, userId);

    public Task<CoffeeSchedule?> ProgramAsync() => ((ICoffeeScheduleStore)Core.Store).GetAsync(Community);

    public Task DispatchAsync(JsonElement interaction) => _rig.Gateway.DispatchAsync("INTERACTION_CREATE", interaction.GetRawText());

    /// <summary>Dispatches and waits for the interaction's callback; returns its body.</summary>
    public async Task<JsonElement> CallbackOfAsync(JsonElement interaction) => (await _rig.CallbackOfAsync(interaction)).Body!.Value;

    public ValueTask DisposeAsync() => _rig.DisposeAsync();

    /// <summary>The requests that answer interactions: <c>interactions/…/callback</c> and <c>webhooks/…</c> (edits, follow-ups).</summary>
    internal sealed class AnswerCalls(FakeDiscordRest rest)
    {
        public IReadOnlyList<AnswerCall> Calls => To("");

        /// <summary>The answer calls whose path starts with <paramref name="pathStart"/>, in order.</summary>
        public IReadOnlyList<AnswerCall> To(string pathStart) =>
        [
            .. rest.Calls.Where(c => (c.Path.StartsWith("interactions/", StringComparison.Ordinal) || c.Path.StartsWith("webhooks/", StringComparison.Ordinal))
                    && c.Path.StartsWith(pathStart, StringComparison.Ordinal))
                .Select(c => new AnswerCall(new AnswerRoute(new HttpMethod(c.Method), c.Path), c.Body, c.At, c.Files)),
        ];

        public async Task<IReadOnlyList<AnswerCall>> WaitForAsync(string pathStart, int count = 1)
        {
            await rest.WaitForCountAsync(c => c.Path.StartsWith(pathStart, StringComparison.Ordinal), count, LibraryInteractionRig.Wait);
            return To(pathStart);
        }

        /// <summary>The answer calls that carried files (multipart), with their files.</summary>
        public IReadOnlyList<(AnswerRoute Route, IReadOnlyList<FakeDiscordRestFile> Files)> FileCalls => [.. Calls.Where(c => c.Files.Count > 0).Select(c => (c.Route, c.Files))];
    }

    internal sealed record AnswerRoute(HttpMethod Method, string Path);

    internal sealed record AnswerCall(AnswerRoute Route, JsonElement? Body, DateTimeOffset At, IReadOnlyList<FakeDiscordRestFile> Files);
}
