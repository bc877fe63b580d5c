using System.Globalization;
using Discord;
using Discord.Net;
using Discord.Rest;
using Discord.WebSocket;
using NetworkingBot.Testing.FakeDiscord;

namespace NetworkingBot.Discord.Tests.DiscordNet;

/// <summary>
/// What the adapter sends through Discord.Net, against the fake REST server: ephemeral answers with files (multipart),
/// deferral then an edit of the original, follow-ups, DMs with a user-only ping list, channel posts, edits, reading
/// back a channel, and Discord's 50007 for closed DMs. The fake must take each as Discord does.
/// </summary>
public sealed class DiscordNetSendsToTheFakeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_ephemeral_answer_with_a_file_arrives_as_multipart_with_the_attachment_named()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        await using var gateway = await FakeDiscordGateway.StartAsync(TimeSpan.FromSeconds(10));
        await using var probe = await DiscordNetProbe.StartAsync(rest, gateway);
        probe.Answer = async i =>
        {
            using var png = new MemoryStream([0x89, 0x50, 0x4E, 0x47]);
            await i.RespondWithFilesAsync([new FileAttachment(png, "chart.png", "Rounds per month")], "Your chart", ephemeral: true, allowedMentions: AllowedMentions.None);
        };
        await probe.WaitReadyAsync(Wait);

        var payload = DiscordPayloads.Slash("coffee-admin", "stats", user: "9");
        await gateway.DispatchAsync("INTERACTION_CREATE", payload.GetRawText());

        var callback = await rest.WaitForAsync(c => c.Is("POST", $"interactions/{payload.GetProperty("id").GetString()}/"), Wait);
        Assert.True(callback.Succeeded, $"the fake refused it: {callback.Status}");
        var file = Assert.Single(callback.Files);
        Assert.Equal("files[0]", file.PartName);
        Assert.Equal("chart.png", file.FileName);
        Assert.Equal(64, callback.Body!.Value.GetProperty("data").GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task A_deferral_then_an_edit_of_the_original_then_a_follow_up_reach_their_routes()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        await using var gateway = await FakeDiscordGateway.StartAsync(TimeSpan.FromSeconds(10));
        await using var probe = await DiscordNetProbe.StartAsync(rest, gateway);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        probe.Answer = i =>
        {
            // Off the gateway task, as the adapter does.
            _ = Task.Run(async () =>
            {
                try
                {
                    await i.DeferAsync(ephemeral: true);
                    await i.ModifyOriginalResponseAsync(m => m.Content = "Round 1 is out");
                    await i.FollowupAsync("More", ephemeral: true, allowedMentions: AllowedMentions.None);
                    done.SetResult();
                }
                catch (Exception ex)
                {
                    done.SetException(ex);
                }
            });
            return Task.CompletedTask;
        };
        await probe.WaitReadyAsync(Wait);

        var payload = DiscordPayloads.Slash("coffee-admin", "pair-now", user: "9");
        await gateway.DispatchAsync("INTERACTION_CREATE", payload.GetRawText());
        await done.Task.WaitAsync(Wait);

        var token = payload.GetProperty("token").GetString()!;
        Assert.Equal(5, rest.Calls.Single(c => c.Is("POST", "interactions/")).Body!.Value.GetProperty("type").GetInt32());
        Assert.Equal("Round 1 is out", rest.Calls.Single(c => c.Is("PATCH", "webhooks/") && c.Path.Contains(token, StringComparison.Ordinal)).BodyString("content"));
        Assert.Single(rest.Calls, c => c.Is("POST", "webhooks/") && c.Succeeded);
    }

    [Fact]
    public async Task A_dm_with_an_embed_footer_buttons_and_a_user_only_ping_list_is_sent_read_back_and_edited()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        await using var client = await LoggedInRestAsync(rest);

        var user = await client.GetUserAsync(1001);
        var dm = await user.CreateDMChannelAsync();
        var sent = await dm.SendMessageAsync(
            "You're meeting <@1002>!",
            embeds: [new EmbedBuilder().WithDescription("Why you were matched").WithFooter("ref 0123456789ab").Build()],
            allowedMentions: new AllowedMentions { UserIds = [1002] },
            components: new ComponentBuilder().WithButton("We met", "g290926798626357999 /coffee checkin").Build());
        await dm.ModifyMessageAsync(sent.Id, m => m.Content = "You met <@1002>");
        var recent = await dm.GetMessagesAsync(50).FlattenAsync();

        Assert.True(rest.MessagesTo("1001").Count == 1, string.Join("\n", rest.Calls.Select(c => $"{c.Method} {c.Path} {c.Status} {c.RawBody}")));
        var message = rest.MessagesTo("1001")[0];
        var mentions = message.Body.GetProperty("allowed_mentions");
        Assert.Equal(["1002"], mentions.GetProperty("users").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal("ref 0123456789ab", Assert.Single(Assert.Single(recent).Embeds).Footer!.Value.Text);
        Assert.Equal(client.CurrentUser.Id, Assert.Single(recent).Author.Id);
        Assert.Equal("You met <@1002>", Assert.Single(rest.Edits).Content);
    }

    [Fact]
    public async Task A_post_in_the_guild_channel_is_accepted_and_a_closed_dm_is_discord_s_50007()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        await using var client = await LoggedInRestAsync(rest);
        rest.CloseDirectMessages("1003");

        var channel = Assert.IsAssignableFrom<IMessageChannel>(await client.GetChannelAsync(ulong.Parse(DiscordPayloads.Channel, CultureInfo.InvariantCulture)));
        await channel.SendMessageAsync("Round 1 is out", allowedMentions: AllowedMentions.None);
        var closed = await (await client.GetUserAsync(1003)).CreateDMChannelAsync();
        var error = await Assert.ThrowsAsync<HttpException>(() => closed.SendMessageAsync("hello"));

        Assert.Single(rest.Messages, m => m.ChannelId == DiscordPayloads.Channel);
        Assert.Equal(DiscordErrorCode.CannotSendMessageToUser, error.DiscordCode);
    }

    [Fact]
    public async Task After_the_dm_routes_bucket_hash_goes_A_B_A_discord_net_still_delivers_twenty_five_dms_once_each()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        rest.ChangeBucketHashes("create-dm", "dm-A", "dm-B", "dm-A");
        rest.ChangeBucketHashes("channel-messages", "msg-A", "msg-B", "msg-A");
        await using var client = await LoggedInRestAsync(rest);
        var members = Enumerable.Range(1, 25).Select(i => (ulong)(3000 + i)).ToList();

        var sending = Task.Run(async () =>
        {
            foreach (var member in members)
            {
                var dm = await (await client.GetUserAsync(member)).CreateDMChannelAsync();
                await dm.SendMessageAsync($"Hello {member}", allowedMentions: AllowedMentions.None);
            }
        });
        await sending.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(members, m => Assert.Single(rest.MessagesTo(m.ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>
    /// Discord.Net under RetryMode.RetryRatelimit waits out a 10 s retry_after and sends a callback again although its
    /// RequestOptions.Timeout ended with the 3 s (seen here: a second POST 11 s later). The adapter must therefore not
    /// leave a callback's 429 to the library: with AlwaysFail the 429 comes back at once, for a deadline-aware decision.
    /// </summary>
    [Fact]
    public async Task With_retries_off_a_429_on_a_callback_comes_back_at_once_after_one_request()
    {
        await using var rest = await FakeDiscordRest.StartAsync();
        await using var gateway = await FakeDiscordGateway.StartAsync(TimeSpan.FromSeconds(10));
        await using var probe = await DiscordNetProbe.StartAsync(rest, gateway);
        var answered = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        probe.Answer = i =>
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await i.RespondAsync("hi", ephemeral: true, options: new RequestOptions { RetryMode = RetryMode.AlwaysFail });
                    answered.SetResult(null);
                }
                catch (Exception ex)
                {
                    answered.SetResult(ex);
                }
            });
            return Task.CompletedTask;
        };
        await probe.WaitReadyAsync(Wait);
        rest.RateLimitNext(100, retryAfterSeconds: 10, method: "POST", pathPrefix: "interactions/");
        var started = DateTimeOffset.UtcNow;

        await gateway.DispatchAsync("INTERACTION_CREATE", DiscordPayloads.Slash("coffee", "status", user: "101").GetRawText());
        var outcome = await answered.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.IsType<RateLimitedException>(outcome);
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(3), "the 429 did not come back at once");
        Assert.Single(rest.Calls, c => c.Is("POST", "interactions/"));
    }

    private static async Task<DiscordRestClient> LoggedInRestAsync(FakeDiscordRest rest)
    {
        var client = new DiscordRestClient(new DiscordRestConfig
        {
            RestClientProvider = _ => global::Discord.Net.Rest.DefaultRestClientProvider.Create()(rest.ApiBaseUrl.ToString()),
        });
        await client.LoginAsync(TokenType.Bot, "test-token", validateToken: false);
        return client;
    }
}
