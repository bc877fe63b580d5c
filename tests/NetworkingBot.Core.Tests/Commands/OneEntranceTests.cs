using NetworkingBot.Core.Commands;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Commands;

/// <summary>The dispatcher's one entrance: help as a request with a structured answer, and organiser rights asked only when needed.</summary>
public sealed class OneEntranceTests : IDisposable
{
    private readonly CoreHarness _h = new();
    private int _asked;

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData("help")]
    [InlineData("/help")]
    public void A_bare_help_line_is_the_overview_request(string line)
    {
        var (request, error) = CommandLine.Parse(line);

        Assert.Null(error);
        Assert.Same(CommandRequest.HelpOverview, request);
    }

    [Fact]
    public void Help_for_one_command_is_a_request_naming_it_in_its_command_option()
    {
        var (request, error) = CommandLine.Parse("/coffee help Join");

        Assert.Null(error);
        Assert.Equal(("coffee", "help", "Join"), (request!.Program, request.Subcommand, request.Option(CommandCatalog.HelpOption)));
    }

    [Fact]
    public void Options_typed_without_a_subcommand_word_run_as_the_bare_subcommand_for_every_reader_of_the_request()
    {
        var catalog = _h.GetService<CommandCatalog>();
        var (intro, _) = CommandLine.Parse("/intro first:@ana second:@lee because:\"oral history\"");
        var (coffee, _) = CommandLine.Parse("/coffee tz:UTC");

        Assert.Equal(CommandCatalog.Bare, catalog.Route(intro!).Subcommand);
        Assert.Equal(OptionKind.User, catalog.SpecOf(intro!)!.Options.Single(o => o.Name == "first").Kind);
        Assert.Equal(CommandCatalog.Help, catalog.Route(coffee!).Subcommand);
    }

    [Fact]
    public async Task Help_answers_carry_their_topic_as_data_and_the_same_text_rendered()
    {
        var overview = Assert.IsType<Reply>(await _h.Dispatcher.DispatchAsync(Context(), CommandRequest.HelpOverview));
        var programs = Assert.IsType<ProgramsHelp>(overview.Help);
        Assert.Contains(programs.Programs, p => p.Name == "coffee");
        Assert.Equal(HelpText.Render(programs), overview.Body);

        var detail = Assert.IsType<Reply>(await _h.Dispatcher.DispatchAsync(Context(), Help("coffee", "join")));
        Assert.Equal("join", Assert.IsType<CommandHelp>(detail.Help).Command.Name);
        Assert.StartsWith("`/coffee join [interests:", detail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_for_a_command_that_does_not_exist_is_a_polite_error()
    {
        var result = await _h.Dispatcher.DispatchAsync(Context(), Help("coffee", "brew"));

        Assert.Contains("`/coffee brew` isn't a command I know", TestData.Failed(result, "unknown_subcommand").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_command_never_asks_the_platform_for_organiser_rights()
    {
        TestData.Ok(await _h.Dispatcher.DispatchAsync(Context(organiser: true), "/coffee join tz:UTC"));
        TestData.Ok(await _h.Dispatcher.DispatchAsync(Context(organiser: true), "/coffee status"));

        Assert.Equal(0, _asked);
    }

    [Fact]
    public async Task An_organiser_closes_another_members_lead_because_closing_asks_for_rights()
    {
        TestData.Ok(await _h.Dispatcher.DispatchAsync(Context(organiser: true), "/job setup channel:#jobs"));
        TestData.Ok(await _h.RunAsync("bob", "/job share title:Archivist employer:\"KU Libraries\" type:full-time remote:yes"));
        var asked = _asked;

        TestData.Ok(await _h.Dispatcher.DispatchAsync(Context(organiser: true), "/job close lead:1 reason:filled"));

        Assert.Equal(asked + 1, _asked);
    }

    [Fact]
    public async Task An_organiser_command_asks_once_and_uses_the_answer()
    {
        TestData.Failed(await _h.Dispatcher.DispatchAsync(Context(organiser: false), "/coffee preview"), "not_organiser");
        Assert.Equal(1, _asked);

        var forOrganiser = await _h.Dispatcher.DispatchAsync(Context(organiser: true), "/coffee preview");
        Assert.NotEqual("not_organiser", (forOrganiser as Failure)?.Error.Code);
        Assert.Equal(2, _asked);
    }

    [Fact]
    public async Task Program_help_asks_because_it_lists_organiser_commands_only_to_organisers()
    {
        var member = Assert.IsType<ProgramHelp>(Assert.IsType<Reply>(await _h.Dispatcher.DispatchAsync(Context(organiser: false), "/coffee help")).Help);
        var organiser = Assert.IsType<ProgramHelp>(Assert.IsType<Reply>(await _h.Dispatcher.DispatchAsync(Context(organiser: true), "/coffee help")).Help);

        Assert.Equal(2, _asked);
        Assert.True(member.MoreForOrganisers);
        Assert.DoesNotContain(member.Commands, c => c.OrganiserOnly);
        Assert.Contains(organiser.Commands, c => c.Name == "pair-now");
    }

    private static CommandRequest Help(string program, string command) =>
        new(program, CommandCatalog.Help, new Dictionary<string, string> { [CommandCatalog.HelpOption] = command });

    /// <summary>A context whose organiser rights are known only by asking, as on Slack.</summary>
    private CommandContext Context(bool organiser = false) => CoreHarness.Context("ana") with
    {
        CheckOrganiser = _ =>
        {
            Interlocked.Increment(ref _asked);
            return Task.FromResult(organiser);
        },
    };
}
