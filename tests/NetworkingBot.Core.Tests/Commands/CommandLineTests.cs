using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Tests.Commands;

public sealed class CommandLineTests
{
    private static CommandRequest Parsed(string line)
    {
        var (request, error) = CommandLine.Parse(line);
        Assert.Null(error);
        return Assert.IsType<CommandRequest>(request);
    }

    private static UserError Error(string line)
    {
        var (request, error) = CommandLine.Parse(line);
        Assert.Null(request);
        return Assert.IsType<UserError>(error);
    }

    [Fact]
    public void Parses_program_subcommand_and_options()
    {
        var request = Parsed("/Coffee JOIN tz:America/Chicago stage:student");
        Assert.Equal("coffee", request.Program);
        Assert.Equal("join", request.Subcommand);
        Assert.Equal("America/Chicago", request.Option("tz"));
        Assert.Equal("student", request.Option("stage"));
        Assert.Equal(2, request.Options.Count);
    }

    [Fact]
    public void A_whole_option_in_quotes_is_still_an_option()
    {
        var request = Parsed("/coffee join \"region:Kansas City\" tz:UTC");
        Assert.Equal("Kansas City", request.Option("region"));
        Assert.Equal("UTC", request.Option("tz"));
    }

    [Fact]
    public void Option_names_are_lower_cased_values_kept()
    {
        var request = Parsed("/coffee join TZ:Europe/Oslo");
        Assert.Equal("Europe/Oslo", request.Option("tz"));
    }

    [Theory]
    [InlineData("/coffee join region:\"Kansas City\"")]
    [InlineData("/coffee join region:\u201CKansas City\u201D")]
    [InlineData("/coffee join region:\u201DKansas City\u201D")]
    public void Quoted_values_keep_spaces_with_straight_or_curly_quotes(string line)
    {
        Assert.Equal("Kansas City", Parsed(line).Option("region"));
    }

    [Fact]
    public void Colons_inside_values_stay_in_the_value()
    {
        var request = Parsed("/coffee setup time:09:00 link:https://x.example/a:b");
        Assert.Equal("09:00", request.Option("time"));
        Assert.Equal("https://x.example/a:b", request.Option("link"));
    }

    [Theory]
    [InlineData("/coffee")]
    [InlineData("/coffee   ")]
    [InlineData("/coffee tz:UTC")]
    public void Missing_subcommand_means_help(string line)
    {
        Assert.Equal("help", Parsed(line).Subcommand);
    }

    [Fact]
    public void Unclosed_quote_is_refused()
    {
        Assert.Equal("unclosed_quote", Error("/coffee join region:\"Kansas City").Code);
    }

    [Fact]
    public void Duplicate_option_is_refused()
    {
        var error = Error("/coffee join tz:UTC TZ:Europe/Oslo");
        Assert.Equal("duplicate_option", error.Code);
        Assert.Contains("tz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bare_word_after_the_subcommand_is_refused()
    {
        var error = Error("/coffee join archives");
        Assert.Equal("bad_option", error.Code);
        Assert.Contains("archives", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Option_without_a_name_is_refused()
    {
        Assert.Equal("bad_option", Error("/coffee join :UTC").Code);
    }

    [Fact]
    public void Too_long_line_is_refused()
    {
        var error = Error("/coffee join region:" + new string('a', CommandLine.MaxLength));
        Assert.Equal("too_long", error.Code);
    }

    [Fact]
    public void Line_at_the_limit_is_accepted()
    {
        var line = "/coffee join region:";
        line += new string('a', CommandLine.MaxLength - line.Length);
        Assert.Equal(CommandLine.MaxLength, line.Length);
        Assert.Equal("join", Parsed(line).Subcommand);
    }

    [Theory]
    [InlineData("coffee join")]
    [InlineData("/")]
    [InlineData("")]
    [InlineData("   ")]
    public void Line_not_starting_with_a_slash_is_refused(string line)
    {
        Assert.Equal("not_a_command", Error(line).Code);
    }

    [Theory]
    [InlineData("archives", "archives")]
    [InlineData("Kansas City", "\"Kansas City\"")]
    [InlineData("", "\"\"")]
    [InlineData("say \"hi\"", "\"say 'hi'\"")]
    public void Quote_round_trips_through_the_parser(string value, string expected)
    {
        var quoted = CommandLine.Quote(value);
        Assert.Equal(expected, quoted);
        Assert.Equal(value.Replace('"', '\''), Parsed($"/coffee join region:{quoted}").Option("region"));
    }

    [Theory]
    [InlineData("/coffee join interests:cataloging, archives tz:UTC", "cataloging, archives")]
    [InlineData("/coffee join interests:cataloging,  archives,   metadata tz:UTC", "cataloging, archives, metadata")]
    [InlineData("/coffee join interests:cataloging , archives tz:UTC", "cataloging , archives")]
    [InlineData("/coffee join interests:cataloging ,archives tz:UTC", "cataloging ,archives")]
    [InlineData("/coffee join interests:cataloging; archives tz:UTC", "cataloging; archives")]
    [InlineData("/coffee join interests:cataloging, \"digital preservation\" tz:UTC", "cataloging, digital preservation")]
    [InlineData("/coffee join interests:\"cataloging, archives\" tz:UTC", "cataloging, archives")]
    public void A_list_may_have_spaces_after_its_commas(string line, string interests)
    {
        var request = Parsed(line);
        Assert.Equal(interests, request.Option("interests"));
        Assert.Equal("UTC", request.Option("tz"));
        Assert.Equal(2, request.Options.Count);
    }

    [Fact]
    public void A_stray_word_that_does_not_continue_a_list_is_still_refused()
    {
        Assert.Equal("bad_option", Error("/coffee join interests:cataloging archives").Code);
        Assert.Equal("bad_option", Error("/coffee join region:Kansas City").Code);
    }
}
