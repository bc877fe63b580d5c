using System.Text.Json;

namespace NetworkingBot.Tests;

/// <summary>What the Slack app manifest must grant for member references and files with replies.</summary>
public sealed class SlackManifestTests
{
    private static JsonElement Manifest()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NetworkingBot.sln")))
        {
            directory = directory.Parent;
        }

        return JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(Path.Combine(directory!.FullName, "slack-app-manifest.json")));
    }

    [Fact]
    public void The_bot_may_share_files_and_read_users()
    {
        var scopes = Manifest().GetProperty("oauth_config").GetProperty("scopes").GetProperty("bot").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("files:write", scopes);
        Assert.Contains("users:read", scopes);
        Assert.Contains("im:write", scopes);
    }

    [Fact]
    public void The_bot_may_read_back_the_conversations_it_posts_in_to_find_an_unrecorded_send()
    {
        // FindSentAsync reads conversations.history in the DM, group DM or program channel a message went to.
        var scopes = Manifest().GetProperty("oauth_config").GetProperty("scopes").GetProperty("bot").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("im:history", scopes);
        Assert.Contains("mpim:history", scopes);
        Assert.Contains("channels:history", scopes);
        Assert.Contains("groups:history", scopes);
    }

    [Theory]
    [InlineData("/network")]
    [InlineData("/intro")]
    public void Commands_that_name_members_get_them_as_escaped_mentions(string command)
    {
        var entry = Manifest().GetProperty("features").GetProperty("slash_commands").EnumerateArray()
            .Single(c => c.GetProperty("command").GetString() == command);
        // Without escaping Slack sends "@sam", a name that is not unique; escaped it sends <@U…|sam>, the user's id.
        Assert.True(entry.GetProperty("should_escape").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(entry.GetProperty("usage_hint").GetString()));
    }

    [Fact]
    public void The_home_tab_is_on_and_its_opening_event_is_subscribed()
    {
        var manifest = Manifest();
        Assert.True(manifest.GetProperty("features").GetProperty("app_home").GetProperty("home_tab_enabled").GetBoolean());
        var events = manifest.GetProperty("settings").GetProperty("event_subscriptions").GetProperty("bot_events").EnumerateArray().Select(e => e.GetString());
        Assert.Contains("app_home_opened", events);
    }
}
