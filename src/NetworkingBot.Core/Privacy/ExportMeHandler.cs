using System.Text.Json;
using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Privacy;

/// <summary>/networking export-me: everything the bot stores about the member, as JSON.</summary>
public sealed class ExportMeHandler(IEnumerable<IPersonalDataSource> sources) : ICommandHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static SubcommandSpec Spec { get; } = new("networking", "export-me", "see and export everything I store about you (JSON)", []);

    public async Task<CommandResult> HandleAsync(CommandContext context, CommandRequest request, CancellationToken cancellationToken)
    {
        var export = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["user"] = context.Actor.Id,
            ["community"] = context.CommunityId,
        };
        foreach (var source in sources)
        {
            export[source.Name] = await source.ExportAsync(context.CommunityId, context.Actor.Id, cancellationToken).ConfigureAwait(false);
        }

        var json = JsonSerializer.Serialize(export, Json);
        var nothing = export.Count == 2 || export.Skip(2).All(kv => kv.Value is null);
        return CommandResult.Ok(nothing
            ? "I don't store anything about you in this community."
            : $"Here is everything I store about you in this community:\n```json\n{json}\n```\nTo delete all of it, use `/networking forget-me`.");
    }
}
