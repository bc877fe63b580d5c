using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Home;
using NetworkingBot.Slack.Api;
using NetworkingBot.Slack.Rendering;

namespace NetworkingBot.Slack.Home;

/// <summary>Builds one member's home from the core (in its own scope, like a command) and publishes it with <c>views.publish</c>.</summary>
internal sealed class HomePublisher(ISlackApi api, IServiceScopeFactory scopes)
{
    public async Task PublishAsync(string teamId, string userId, CancellationToken cancellationToken)
    {
        MemberHome home;
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            home = await scope.ServiceProvider.GetRequiredService<MemberHomeBuilder>()
                .BuildAsync(new CommunityId(Platform.Slack, teamId).Key, userId, cancellationToken).ConfigureAwait(false);
        }

        await api.CallAsync("views.publish", new JsonObject { ["user_id"] = userId, ["view"] = HomeBlocks.View(home) }, cancellationToken).ConfigureAwait(false);
    }
}
