using NetworkingBot.Testing.FakeDiscord;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Timing;
using NetworkingBot.Discord.Gateway;
using NetworkingBot.Discord.Interactions;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Discord.Tests.Interactions;

/// <summary>The real core (in-memory) behind a real <see cref="InteractionHandler"/> that talks to a recording REST fake.</summary>
internal sealed class InteractionRig : IAsyncDisposable
{
    private int _sequence;

    public InteractionRig(TimeSpan? instantWindow = null, DiscordOptions? options = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? extra = null)
    {
        Core = new CoreHarness(extra: extra);
        var catalog = Core.GetService<CommandCatalog>();
        Handler = new InteractionHandler(
            Rest, Core.Dispatcher, catalog, new Autocomplete(Core.Store), new ReplyRenderer(new DiscordText(catalog), NullLogger<ReplyRenderer>.Instance),
            new DiscordForms(catalog, TimeProvider.System),
            Options.Create(options ?? new DiscordOptions()),
            new AnswerInTime(TimeProvider.System, NullLogger<AnswerInTime>.Instance), TimeProvider.System, NullLogger<InteractionHandler>.Instance)
        {
            InstantWindow = instantWindow ?? TimeSpan.FromSeconds(1.5),
        };
    }

    public CoreHarness Core { get; }

    public RecordingDiscordRest Rest { get; } = new();

    public InteractionHandler Handler { get; }

    public static string Community => new CommunityId(Platform.Discord, DiscordPayloads.Guild).Key;

    public Task<Member?> MemberAsync(string userId) => ((IMemberStore)Core.Store).GetAsync(Community, userId);

    public Task<CoffeeSchedule?> ProgramAsync() => ((ICoffeeScheduleStore)Core.Store).GetAsync(Community);

    public Task DispatchAsync(JsonElement interaction) =>
        Handler.HandleAsync(new GatewayDispatch(0, "INTERACTION_CREATE", interaction, Interlocked.Increment(ref _sequence)), CancellationToken.None);

    /// <summary>Dispatches and waits for the interaction's callback; returns its body.</summary>
    public async Task<JsonElement> CallbackOfAsync(JsonElement interaction)
    {
        var before = Rest.To("interactions/").Count;
        await DispatchAsync(interaction);
        var calls = await Rest.WaitForAsync("interactions/", before + 1);
        return calls[^1].Body!.Value;
    }

    public async ValueTask DisposeAsync()
    {
        await Handler.DisposeAsync();
        await Core.DisposeAsync();
    }
}
