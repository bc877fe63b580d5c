using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Tests.Commands;

/// <summary>How the shared line parser reads options that name a member, and how a request's user options are resolved.</summary>
public sealed class MemberOptionTests
{
    private static readonly SubcommandSpec Intro = new("intro", "make", "introduce two members",
    [
        new("first", "one member", Kind: OptionKind.User),
        new("second", "the other", Kind: OptionKind.User),
        new("because", "why"),
    ]);

    [Fact]
    public void A_mention_with_spaces_in_its_name_is_one_value()
    {
        var (request, error) = CommandLine.Parse("/intro make first:<@U1|sam smith> second:<@U2> because:\"both catalogers\"");
        Assert.Null(error);
        Assert.Equal("<@U1|sam smith>", request!.Option("first"));
        Assert.Equal("<@U2>", request.Option("second"));
        Assert.Equal("both catalogers", request.Option("because"));
    }

    [Fact]
    public void Existing_values_with_angle_brackets_keep_their_meaning()
    {
        // A "<" not at the start of a value, or never closed, is plain text as before.
        var (request, error) = CommandLine.Parse("/jobs share title:a<b notes:<unclosed");
        Assert.Null(error);
        Assert.Equal("a<b", request!.Option("title"));
        Assert.Equal("<unclosed", request.Option("notes"));
    }

    [Theory]
    [InlineData("<@U123>", "U123", null)]
    [InlineData("<@U123|sam>", "U123", "sam")]
    [InlineData(" <@W9|sam smith> ", "W9", "sam smith")]
    [InlineData("<@123456789012345678>", "123456789012345678", null)]
    public void Reads_a_mention(string value, string id, string? name)
    {
        var mention = CommandLine.Mention(value);
        Assert.Equal((id, name), mention);
    }

    [Theory]
    [InlineData("sam")]
    [InlineData("@sam")]
    [InlineData("<#C123|general>")]
    [InlineData("<!here>")]
    [InlineData("<@&123>")]
    [InlineData("<@U1")]
    [InlineData("")]
    public void Anything_but_a_mention_is_not_one(string value) => Assert.Null(CommandLine.Mention(value));

    [Theory]
    [InlineData("@sam", "sam")]
    [InlineData("Sam", "sam")]
    [InlineData("@jo.ann-b", "jo.ann-b")]
    public void Reads_a_handle(string value, string handle) => Assert.Equal(handle, CommandLine.Handle(value));

    [Theory]
    [InlineData("@")]
    [InlineData("sam smith")]
    [InlineData("<@U1>")]
    [InlineData("@this-handle-is-far-too-long-to-be-a-name")]
    public void Refuses_what_cannot_be_a_handle(string value) => Assert.Null(CommandLine.Handle(value));

    [Fact]
    public async Task Resolves_user_options_only_and_leaves_the_unresolved_as_typed()
    {
        var request = new CommandRequest("intro", "make", new Dictionary<string, string>
        {
            ["first"] = "<@U1|sam>",
            ["second"] = "bob",
            ["because"] = "<@U3>",
        });
        var asked = new List<string>();
        var resolved = await CommandLine.ResolveUsersAsync(request, Intro, (value, _) =>
        {
            asked.Add(value);
            return Task.FromResult(CommandLine.Mention(value) is { } m ? new MentionedUser(m.Id, m.Name) : null);
        }, CancellationToken.None);

        Assert.Equal(["<@U1|sam>", "bob"], asked.Order(StringComparer.Ordinal));
        Assert.Equal("U1", resolved.Option("first"));
        Assert.Equal(new MentionedUser("U1", "sam"), resolved.User("first"));
        Assert.Equal("bob", resolved.Option("second"));
        Assert.Null(resolved.User("second"));
        Assert.Equal("<@U3>", resolved.Option("because"));
        Assert.Single(resolved.Users);
    }

    [Fact]
    public async Task A_command_without_a_spec_is_left_alone()
    {
        var request = new CommandRequest("nope", "x", new Dictionary<string, string> { ["first"] = "<@U1>" });
        var resolved = await CommandLine.ResolveUsersAsync(request, null, (_, _) => throw new InvalidOperationException("not asked"), CancellationToken.None);
        Assert.Same(request, resolved);
    }
}
