using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Commands;

public sealed class DispatcherTests : IDisposable
{
    private readonly CoreHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Unknown_program_names_the_known_ones()
    {
        var error = TestData.Failed(await _h.RunAsync("ana", "/tea join"), "unknown_program");
        Assert.Contains("/coffee", error.Message, StringComparison.Ordinal);
        Assert.Contains("/networking", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_subcommand_lists_member_commands_only_to_members()
    {
        var error = TestData.Failed(await _h.RunAsync("ana", "/coffee jion"), "unknown_subcommand");
        Assert.Contains("join", error.Message, StringComparison.Ordinal);
        Assert.Contains("status", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pair-now", error.Message, StringComparison.Ordinal);

        var forOrganiser = TestData.Failed(await _h.RunAsync("org", "/coffee jion", organiser: true), "unknown_subcommand");
        Assert.Contains("pair-now", forOrganiser.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_option_is_answered_with_usage()
    {
        var error = TestData.Failed(await _h.RunAsync("ana", "/coffee join colour:blue"), "unknown_option");
        Assert.Contains("colour", error.Message, StringComparison.Ordinal);
        Assert.Contains("Usage: `/coffee join", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_required_option_is_refused_with_usage()
    {
        var error = TestData.Failed(await _h.RunAsync("ana", "/coffee checkin answer:met"), "missing_option");
        Assert.Contains("round", error.Message, StringComparison.Ordinal);
        Assert.Contains("Usage:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_choice_lists_the_choices()
    {
        var error = TestData.Failed(await _h.RunAsync("ana", "/coffee join stage:wizard"), "bad_choice");
        Assert.Contains("`student`", error.Message, StringComparison.Ordinal);
        Assert.Contains("wizard", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choices_are_case_insensitive()
    {
        TestData.Ok(await _h.RunAsync("ana", "/coffee join stage:Student tz:UTC"));
        Assert.Equal(Core.CoffeeChats.CareerStage.Student, _h.Store.MemberOf(CoreHarness.Community, "ana")!.Profile.Stage);
    }

    [Theory]
    [InlineData("/coffee setup")]
    [InlineData("/coffee preview")]
    [InlineData("/coffee pair-now")]
    [InlineData("/coffee stats")]
    public async Task Organiser_commands_are_refused_to_members(string line)
    {
        var error = TestData.Failed(await _h.RunAsync("ana", line), "not_organiser");
        Assert.Contains("organisers only", error.Message, StringComparison.Ordinal);
        Assert.Null(_h.Store.ProgramOf(CoreHarness.Community));
        Assert.Empty(_h.Messenger.Sent);
    }

    [Fact]
    public async Task Coffee_help_for_members_hides_organiser_commands()
    {
        var text = TestData.Ok(await _h.RunAsync("ana", "/coffee help")).Body;
        Assert.Contains("/coffee join", text, StringComparison.Ordinal);
        Assert.Contains("/coffee pause", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/coffee setup", text, StringComparison.Ordinal);
        Assert.Contains("Organisers have a few more commands", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_organiser_is_refused_before_options_are_read()
    {
        var result = await _h.RunAsync("ana", "/coffee setup colour:blue");
        Assert.Equal("not_organiser", Assert.IsType<Failure>(result).Error.Code);
    }

    [Fact]
    public async Task Coffee_help_for_organisers_shows_everything()
    {
        var text = TestData.Ok(await _h.RunAsync("org", "/coffee", organiser: true)).Body;
        Assert.Matches(@"`/coffee setup` — .*\(organisers\)", text);
        Assert.Contains("/coffee pair-now", text, StringComparison.Ordinal);
        Assert.Contains("/coffee join", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("  HELP ")]
    [InlineData("/help")]
    public async Task Bare_help_gives_the_overview(string line)
    {
        var text = TestData.Ok(await _h.RunAsync("ana", line)).Body;
        Assert.Contains("/coffee help", text, StringComparison.Ordinal);
        Assert.Contains("/networking help", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_errors_come_back_as_failures()
    {
        TestData.Failed(await _h.RunAsync("ana", "coffee join"), "not_a_command");
        TestData.Failed(await _h.RunAsync("ana", "/coffee join region:\"x"), "unclosed_quote");
    }

    [Fact]
    public async Task Handler_exception_becomes_a_polite_internal_error()
    {
        var services = new ServiceCollection();
        services.AddScoped<ThrowingHandler>();
        services.AddSingleton(new CommandRegistration(ThrowingHandler.Spec, typeof(ThrowingHandler)));
        using var provider = services.BuildServiceProvider();
        var dispatcher = new CommandDispatcher(
            provider.GetRequiredService<IServiceScopeFactory>(),
            new CommandCatalog(provider.GetServices<CommandRegistration>()),
            NullLogger<CommandDispatcher>.Instance);

        var result = await dispatcher.DispatchAsync(CoreHarness.Context("ana"), "/boom go");

        var error = TestData.Failed(result, "internal_error");
        Assert.Contains("Sorry", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("kaboom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_swallowed()
    {
        var services = new ServiceCollection();
        services.AddScoped<ThrowingHandler>();
        services.AddSingleton(new CommandRegistration(ThrowingHandler.Spec, typeof(ThrowingHandler)));
        using var provider = services.BuildServiceProvider();
        var dispatcher = new CommandDispatcher(
            provider.GetRequiredService<IServiceScopeFactory>(),
            new CommandCatalog(provider.GetServices<CommandRegistration>()),
            NullLogger<CommandDispatcher>.Instance);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatcher.DispatchAsync(CoreHarness.Context("ana"), "/boom go", cts.Token));
    }

    private sealed class ThrowingHandler : ICommandHandler
    {
        public static SubcommandSpec Spec { get; } = new("boom", "go", "always fails", []);

        public Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException("kaboom");
        }
    }
}
