using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Forms;

namespace NetworkingBot.Testing.Fakes;

/// <summary>
/// A test-only command with a form that uses every field kind and has six fields (one more than a Discord modal
/// shows). Registered only in tests, it proves a form written once in the core renders and submits on every adapter
/// with no adapter code. Its answer lists the options it received, sorted, and the host as the adapter resolved them, so a test sees exactly what arrived.
/// </summary>
public sealed class ProposeBookHandler : ICommandHandler
{
    public const string Program = "club";

    public static SubcommandSpec Spec { get; } = new(Program, "propose", "propose a book for the club",
    [
        new("book", "the book"),
        new("why", "why this one"),
        new("genre", "its genre", Choices: ["fiction", "history", "poetry"]),
        new("formats", "the formats it comes in"),
        new("host", "who hosts the evening", Kind: OptionKind.User),
        new("meet", "the day to meet", Kind: OptionKind.Date),
    ])
    {
        Form = new FormSpec("Propose a book", "Propose",
        [
            new("book", "Book", Required: true, MaxLength: 200, Placeholder: "Middlemarch"),
            new("why", "Why this one?", FieldKind.LongText, MaxLength: 1000),
            new("genre", "Genre", FieldKind.Choice, Choices: ["fiction", "history", "poetry"]),
            new("formats", "Formats", FieldKind.MultiChoice, Choices: ["print", "ebook", "audio"]),
            new("host", "Who hosts?", FieldKind.Member),
            new("meet", "Meeting day", FieldKind.Date),
        ],
        "I couldn't open the form; type `/club propose book:\"…\"` instead.")
        {
            OpensWithout = ["book"],
        },
    };

    public Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(CommandResult.Ok("proposed: " + string.Join("; ", request.Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}"))
            + (request.User("host") is { } host ? $" (host: {host.DisplayName ?? host.Id}{(host.IsBot ? ", a bot" : "")})" : "")));
}
