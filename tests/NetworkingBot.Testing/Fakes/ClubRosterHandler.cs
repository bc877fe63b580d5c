using System.Globalization;
using System.Text;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Testing.Fakes;

/// <summary>
/// A test-only command, <c>/club roster member:&lt;member&gt;</c>, registered only in tests. Its answer says exactly
/// what arrived for the member option (the raw value and the resolved <see cref="MentionedUser"/>, if any) and carries
/// a small CSV file, so one handler proves member references and files with replies on every adapter.
/// </summary>
public sealed class ClubRosterHandler : ICommandHandler
{
    public const string FileName = "roster.csv";

    public static SubcommandSpec Spec { get; } = new(ProposeBookHandler.Program, "roster", "export the club roster",
    [
        new("member", "whose roster", Kind: OptionKind.User),
        new("note", "a note"),
    ]);

    /// <summary>The CSV every answer carries.</summary>
    public static byte[] Csv { get; } = Encoding.UTF8.GetBytes("name,joined\r\nsam,2026-01-05\r\n");

    /// <summary>What the answer says about a request, so tests can assert on it.</summary>
    public static string Describe(CommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = request.User("member");
        return string.Create(CultureInfo.InvariantCulture,
            $"member={request.Option("member") ?? "-"}; resolved={(user is null ? "-" : $"{user.Id}/{user.DisplayName ?? "-"}/{(user.IsBot ? "bot" : "person")}")}");
    }

    public Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<CommandResult>(new Reply(Describe(request), []) { Files = [new ReplyFile(FileName, "text/csv", Csv, "Club roster")] });
}
